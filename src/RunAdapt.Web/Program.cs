var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/", () => Results.Text("RunAdapt dashboard", "text/plain"));
app.Run();
