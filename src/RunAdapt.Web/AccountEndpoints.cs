using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace RunAdapt.Web;

/// <summary>Deleting an account: the password, so a borrowed session cannot do it.</summary>
/// <param name="Password">The account's current password.</param>
public sealed record AccountDeletion([property: JsonPropertyName("password")] string? Password);

/// <summary>A forgotten password: the account's name, to send a reset link for.</summary>
/// <param name="User">The account name.</param>
public sealed record ResetRequest([property: JsonPropertyName("user")] string? User);

/// <summary>A password reset: the account, the token of the reset link, and the new password.</summary>
/// <param name="User">The account name.</param>
/// <param name="Token">The token from the reset link.</param>
/// <param name="Password">The new password (at least 10 characters).</param>
public sealed record PasswordReset([property: JsonPropertyName("user")] string? User, [property: JsonPropertyName("token")] string? Token, [property: JsonPropertyName("password")] string? Password);

/// <summary>
/// Delivers a password-reset link to the account's owner. Server mode has no mail server of its own: the default
/// (<see cref="LogPasswordResetSender"/>) writes the link to the server's log for the operator to hand over; a club
/// that exposes the server registers one that sends mail.
/// </summary>
public interface IPasswordResetSender
{
    /// <summary>Delivers the link.</summary>
    /// <param name="userName">The account's name.</param>
    /// <param name="link">The reset page's address with the account and its one-use token.</param>
    /// <param name="cancellation">Stops the delivery.</param>
    Task SendAsync(string userName, Uri link, CancellationToken cancellation);
}

/// <summary>The default <see cref="IPasswordResetSender"/>: the link goes to the server's log (a warning, so the default log level shows it).</summary>
/// <param name="logger">The server's log.</param>
public sealed partial class LogPasswordResetSender(ILogger<LogPasswordResetSender> logger) : IPasswordResetSender
{
    /// <inheritdoc/>
    public Task SendAsync(string userName, Uri link, CancellationToken cancellation)
    {
        Log(logger, userName, link);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "password reset asked for account '{User}': hand this link to its owner (no mail is configured): {Link}")]
    private static partial void Log(ILogger logger, string user, Uri link);
}

/// <summary>Deleting one's account (with every row of its athlete) and resetting a forgotten password, as API and pages.</summary>
internal static class AccountEndpoints
{
    /// <summary>Said whether or not the account exists, so the answer tells nobody which names are taken.</summary>
    private const string Sent = "if an account has that name, a link to reset its password was sent to the server's operator or the account's owner";

    private const string BadReset = "the reset link is wrong, used or expired: ask for a new one";

    public static void Map(WebApplication app)
    {
        // The caller's own account (never an athlete it coaches), with its password; a coach's ?athlete= is refused.
        app.MapDelete("/api/account", async ([FromBody] AccountDeletion? body, HttpContext context, UserManager<ServerUser> users, HeavyWork work) =>
            await Delete(context, users, work, body?.Password) is { } problem ? problem.Result : Results.Ok())
            .WithMetadata(new WritesAthleteData());
        app.MapPost("/api/account/forgot", async (ResetRequest body, HttpContext context, UserManager<ServerUser> users, IPasswordResetSender sender) =>
        {
            await SendLink(context, users, sender, body.User);
            return Results.Accepted(value: new { message = Sent });
        }).AllowAnonymous().WithMetadata(new NoAntiforgery());
        app.MapPost("/api/account/reset", async (PasswordReset body, UserManager<ServerUser> users) =>
            await Reset(users, body) is { } problem ? Results.BadRequest(new Problem(problem)) : Results.Ok())
            .AllowAnonymous().WithMetadata(new NoAntiforgery());

        app.MapPost("/account/delete", async (HttpRequest request, HttpContext context, UserManager<ServerUser> users, HeavyWork work) =>
            await Delete(context, users, work, (await Form(request))["password"]) is { } problem
                ? Results.Redirect("/account?error=" + Uri.EscapeDataString(problem.Reason))
                : Results.Redirect("/login"))
            .WithMetadata(new WritesAthleteData()).ExcludeFromDescription();
        app.MapGet("/forgot", (HttpContext context, IAntiforgery antiforgery, bool? sent) =>
            ServerMode.Page(context, antiforgery, "Forgotten password", null, sent == true ? $"<p role=\"status\">{HtmlEncoder.Default.Encode(Sent)}.</p><p><a href=\"/login\">Sign in</a></p>"
                : "<form method=\"post\" action=\"/forgot\">{{token}}<label>User name <input name=\"user\" autocomplete=\"username\" required></label> <button type=\"submit\">Send a reset link</button></form>"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/forgot", async (HttpRequest request, HttpContext context, UserManager<ServerUser> users, IPasswordResetSender sender) =>
        {
            await SendLink(context, users, sender, (await Form(request))["user"]);
            return Results.Redirect("/forgot?sent=true");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/reset", (HttpContext context, IAntiforgery antiforgery, string? user, string? token, string? error) =>
        {
            var html = HtmlEncoder.Default;
            return ServerMode.Page(context, antiforgery, "Choose a new password", error,
                $"<form method=\"post\" action=\"/reset\">{{{{token}}}}<input type=\"hidden\" name=\"user\" value=\"{html.Encode(user ?? "")}\"><input type=\"hidden\" name=\"token\" value=\"{html.Encode(token ?? "")}\">"
                + "<label>New password <input name=\"password\" type=\"password\" autocomplete=\"new-password\" required minlength=\"10\"></label> <button type=\"submit\">Set the password</button></form>");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/reset", async (HttpRequest request, UserManager<ServerUser> users) =>
        {
            var form = await Form(request);
            return await Reset(users, new PasswordReset(form["user"], form["token"], form["password"])) is { } problem
                ? Results.Redirect($"/reset?user={Uri.EscapeDataString(form["user"].ToString())}&token={Uri.EscapeDataString(form["token"].ToString())}&error={Uri.EscapeDataString(problem)}")
                : Results.Redirect("/login");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    // A request that is not a form (an API client on a page's address) is an empty form: refused like a blank one.
    private static async Task<IFormCollection> Form(HttpRequest request) => request.HasFormContentType ? await request.ReadFormAsync() : FormCollection.Empty;

    /// <summary>
    /// Deletes the signed-in account after checking its password: every row of its athlete, the grants both ways, the
    /// account (<see cref="AccountUserStore.DeleteAsync"/>), the athlete's grain state on a cluster, and the page's cookie.
    /// </summary>
    private static async Task<(string Reason, IResult Result)?> Delete(HttpContext context, UserManager<ServerUser> users, HeavyWork work, string? password)
    {
        var account = context.Features.GetRequiredFeature<AthleteAccess>().Account;
        var user = await users.FindByIdAsync(account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null || !await users.CheckPasswordAsync(user, password ?? ""))
        {
            const string wrong = "the password is wrong: the account was not deleted";
            return (wrong, Results.BadRequest(new Problem(wrong)));
        }

        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            var reason = string.Join(" ", result.Errors.Select(e => e.Description));
            return (reason, Results.BadRequest(new Problem(reason)));
        }

        await work.ForgetAsync(account.AthleteId);
        await context.RequestServices.GetRequiredService<SignInManager<ServerUser>>().SignOutAsync();
        return null;
    }

    /// <summary>Sends a reset link when the account exists, and says nothing either way (the callers answer the same).</summary>
    private static async Task SendLink(HttpContext context, UserManager<ServerUser> users, IPasswordResetSender sender, string? name)
    {
        if (await users.FindByNameAsync(name ?? "") is not { } user)
        {
            return;
        }

        // The request's own scheme and host: the Host check admits only this server's names, so a forged one cannot redirect the link.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = new Uri($"{context.Request.Scheme}://{context.Request.Host}/reset?user={Uri.EscapeDataString(user.UserName)}&token={Uri.EscapeDataString(token)}");
        await sender.SendAsync(user.UserName, link, context.RequestAborted);
    }

    /// <summary>Sets a new password with a reset token; the new security stamp ends every earlier sign-in and the token itself.</summary>
    private static async Task<string?> Reset(UserManager<ServerUser> users, PasswordReset body)
    {
        if (await users.FindByNameAsync(body.User ?? "") is not { } user)
        {
            return BadReset;
        }

        var result = await users.ResetPasswordAsync(user, body.Token ?? "", body.Password ?? "");
        return result.Succeeded ? null
            : result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)) ? BadReset
            : string.Join(" ", result.Errors.Select(e => e.Description));
    }
}
