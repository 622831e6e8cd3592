using RunAdapt.Web;

try
{
    var app = Dashboard.Build(args);
    app.Run();
    return 0;
}
catch (IOException e)
{
    // Typically the port is taken: one line, no stack trace (the CLI's error contract).
    Console.Error.WriteLine($"runadapt serve: cannot start the dashboard: {e.Message}");
    return 1;
}
