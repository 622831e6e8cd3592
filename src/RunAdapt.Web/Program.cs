using RunAdapt.Web;

try
{
    var app = Dashboard.Build(args);
    if (app.Configuration.GetValue("stop-when-input-ends", false))
    {
        // Started by 'runadapt serve': stop when serve closes our standard input, or dies (the pipe then closes too).
        var lifetime = app.Lifetime;
        new Thread(() =>
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (input.Read(buffer) > 0)
            {
            }

            lifetime.StopApplication();
        }) { IsBackground = true, Name = "stop-when-input-ends" }.Start();
    }

    app.Run();
    return 0;
}
catch (UserInputException e)
{
    Console.Error.WriteLine($"runadapt serve: {e.Message}");
    return 2;
}
catch (IOException e)
{
    // Typically the port is taken: one line, no stack trace (the CLI's error contract).
    Console.Error.WriteLine($"runadapt serve: cannot start the dashboard: {e.Message}");
    return 1;
}
