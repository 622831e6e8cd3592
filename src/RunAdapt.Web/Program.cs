using RunAdapt.Web;

var app = Dashboard.Build(args);
app.Run();
