using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RunAdapt.Storage;

namespace RunAdapt.Web;

/// <summary>Marks an endpoint that changes an athlete's stored data: only the athlete may call it, never a coach.</summary>
public sealed class WritesAthleteData;

/// <summary>Marks a state-changing endpoint that takes no antiforgery token: it authenticates by what it is sent (a password), not by a cookie.</summary>
public sealed class NoAntiforgery;

/// <summary>Who asked and about whom, settled once per request in server mode.</summary>
/// <param name="Account">The signed-in account, read from the store on this request.</param>
/// <param name="AthleteId">The athlete the request is about: the account's own, or one who granted the account access.</param>
public sealed record AthleteAccess(Account Account, long AthleteId);

/// <summary>A server-mode user as ASP.NET Core Identity handles it (mutable: Identity sets the hash and stamp before saving).</summary>
public sealed class ServerUser
{
    /// <summary>The account's id, 0 until created.</summary>
    public long Id { get; set; }

    /// <summary>The athlete whose data the account owns, 0 until created.</summary>
    public long AthleteId { get; set; }

    /// <summary>The name as typed.</summary>
    public string UserName { get; set; } = "";

    /// <summary>The name as looked up.</summary>
    public string NormalizedUserName { get; set; } = "";

    /// <summary>The password hash (Identity's PBKDF2 format).</summary>
    public string? PasswordHash { get; set; }

    /// <summary>Changes when the credentials do.</summary>
    public string SecurityStamp { get; set; } = "";

    /// <summary>The stored account.</summary>
    public Account ToAccount() => new(Id, AthleteId, UserName, NormalizedUserName, PasswordHash, SecurityStamp);

    /// <summary>A stored account as Identity handles it.</summary>
    /// <param name="account">The stored account.</param>
    public static ServerUser? From(Account? account) => account is null ? null : new()
    {
        Id = account.Id, AthleteId = account.AthleteId, UserName = account.UserName, NormalizedUserName = account.NormalizedUserName, PasswordHash = account.PasswordHash, SecurityStamp = account.SecurityStamp,
    };
}

/// <summary>
/// Identity's user store on the athlete store's own tables through Dapper (<see cref="AccountStore"/>): the project
/// uses Dapper on SQLite and PostgreSQL, so accounts live beside the data without Entity Framework and its migrations.
/// </summary>
/// <param name="options">Where the store is.</param>
internal sealed class AccountUserStore(ServerOptions options) : IUserPasswordStore<ServerUser>, IUserSecurityStampStore<ServerUser>
{
    private T Use<T>(Func<AccountStore, T> action)
    {
        using var accounts = AccountStore.Open(options.Location);
        return action(accounts);
    }

    public Task<IdentityResult> CreateAsync(ServerUser user, CancellationToken cancellationToken)
    {
        var created = Use(a => a.Register(user.UserName, user.NormalizedUserName, user.PasswordHash, user.SecurityStamp));
        if (created is null)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityErrorDescriber().DuplicateUserName(user.UserName)));
        }

        (user.Id, user.AthleteId) = (created.Id, created.AthleteId);
        return Task.FromResult(IdentityResult.Success);
    }

    public Task<IdentityResult> UpdateAsync(ServerUser user, CancellationToken cancellationToken) =>
        Task.FromResult(Use(a => a.Update(user.ToAccount())) ? IdentityResult.Success : IdentityResult.Failed(new IdentityError { Description = "the account no longer exists" }));

    // The account goes with its athlete's every row: nothing of a deleted account is kept (AccountStore.Delete).
    public Task<IdentityResult> DeleteAsync(ServerUser user, CancellationToken cancellationToken) =>
        Task.FromResult(Use(a => a.Delete(user.Id)) ? IdentityResult.Success : IdentityResult.Failed(new IdentityError { Description = "the account no longer exists" }));

    public Task<ServerUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(long.TryParse(userId, System.Globalization.CultureInfo.InvariantCulture, out var id) ? ServerUser.From(Use(a => a.Find(id))) : null);

    public Task<ServerUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        Task.FromResult(ServerUser.From(Use(a => a.FindByName(normalizedUserName))));

    public Task<string> GetUserIdAsync(ServerUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task<string?> GetUserNameAsync(ServerUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(ServerUser user, string? userName, CancellationToken cancellationToken)
    {
        user.UserName = userName ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(ServerUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedUserName);

    public Task SetNormalizedUserNameAsync(ServerUser user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedUserName = normalizedName ?? "";
        return Task.CompletedTask;
    }

    public Task SetPasswordHashAsync(ServerUser user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(ServerUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(ServerUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(ServerUser user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(ServerUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public void Dispose()
    {
    }
}

/// <summary>Server mode's settings.</summary>
/// <param name="Location">The store (<c>--db</c>).</param>
public sealed record ServerOptions(string? Location);

/// <summary>A user name and password, for the token endpoint and registration through the API.</summary>
/// <param name="User">The account name.</param>
/// <param name="Password">The password.</param>
public sealed record Credentials([property: JsonPropertyName("user")] string? User, [property: JsonPropertyName("password")] string? Password);

/// <summary>A password change: the current password, and the new one.</summary>
/// <param name="Current">The password now.</param>
/// <param name="New">The new password (at least 10 characters).</param>
public sealed record PasswordChange([property: JsonPropertyName("current")] string? Current, [property: JsonPropertyName("new")] string? New);

/// <summary>A coach to grant access, by account name.</summary>
/// <param name="Coach">The coach's account name.</param>
public sealed record GrantRequest([property: JsonPropertyName("coach")] string? Coach);

/// <summary>An account as the API shows it.</summary>
/// <param name="User">The account name.</param>
/// <param name="AthleteId">The account's own athlete.</param>
/// <param name="Coaches">The coaches the athlete granted access.</param>
/// <param name="Athletes">The athletes who granted this account access (as coach): id and name.</param>
public sealed record AccountView(
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("athlete_id")] long AthleteId,
    [property: JsonPropertyName("coaches")] IReadOnlyList<string> Coaches,
    [property: JsonPropertyName("athletes")] IReadOnlyList<CoachedAthlete> Athletes);

/// <summary>An athlete a coach may read.</summary>
/// <param name="Id">The athlete's id (<c>?athlete=ID</c> on any reading endpoint or page).</param>
/// <param name="Name">The athlete's account name.</param>
public sealed record CoachedAthlete([property: JsonPropertyName("id")] long Id, [property: JsonPropertyName("name")] string Name);

/// <summary>
/// Server mode (<c>--server true</c>): accounts with ASP.NET Core Identity (hashed passwords; a cookie for the pages, a
/// bearer token for the API), every request settled to one athlete it may see (<see cref="AthleteAccess"/>, read from
/// the store on each request so a revoked grant ends access at once), and antiforgery on every state-changing
/// request a page can make.
/// </summary>
internal static class ServerMode
{
    /// <summary>The scheme that picks the bearer token when the request carries one, else the cookie.</summary>
    private const string Scheme = "cookie-or-bearer";

    /// <summary>The header the dashboard's script sends the antiforgery token in.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static void AddServices(WebApplicationBuilder builder, string? location)
    {
        builder.Services.AddSingleton(new ServerOptions(location));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddAuthentication(o => (o.DefaultScheme, o.DefaultChallengeScheme) = (Scheme, Scheme))
            .AddPolicyScheme(Scheme, "cookie for pages, bearer token for the API", o => o.ForwardDefaultSelector = c => IsBearer(c.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.Cookie.Name = "runadapt";
            o.Cookie.HttpOnly = true;
            // Never sent on a request another site starts: a second wall behind the antiforgery token.
            o.Cookie.SameSite = SameSiteMode.Strict;
            // The API answers 401/403 in one line; only pages are sent to the login form.
            o.Events.OnRedirectToLogin = c => Deny(c.HttpContext, c.RedirectUri, StatusCodes.Status401Unauthorized, "sign in first (POST /api/token for a bearer token)");
            o.Events.OnRedirectToAccessDenied = c => Deny(c.HttpContext, c.RedirectUri, StatusCodes.Status403Forbidden, "not allowed");
        });
        builder.Services.AddIdentityCore<ServerUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
            })
            .AddSignInManager()
            .AddUserStore<AccountUserStore>()
            // Password-reset tokens: protected by the Data Protection keys, bound to the security stamp (so one use ends them).
            .AddDefaultTokenProviders();
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        builder.Services.AddSingleton<IPasswordResetSender, LogPasswordResetSender>();
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "runadapt-antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    private static Task Deny(HttpContext context, string redirect, int status, string reason)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsJsonAsync(new Problem(reason));
        }

        context.Response.Redirect(redirect);
        return Task.CompletedTask;
    }

    private static bool IsBearer(HttpRequest request) => request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    /// <summary>Authentication, authorization, the athlete of each request and antiforgery, in that order.</summary>
    public static void UseMiddleware(WebApplication app, string? location)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && Settle(context, location) is { } refusal)
            {
                context.Response.StatusCode = refusal.Status;
                await context.Response.WriteAsJsonAsync(new Problem(refusal.Reason));
                return;
            }

            await next(context);
        });

        // A page's cookie rides along on any request the browser sends: every state-changing one must carry the token
        // the page was given. A bearer token is never sent by a browser on its own, so the API with one needs none.
        var antiforgery = app.Services.GetRequiredService<IAntiforgery>();
        app.Use(async (context, next) =>
        {
            if (!IsSafe(context.Request.Method) && !IsBearer(context.Request) && context.GetEndpoint()?.Metadata.GetMetadata<NoAntiforgery>() is null)
            {
                try
                {
                    await antiforgery.ValidateRequestAsync(context);
                }
                catch (AntiforgeryValidationException)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await context.Response.WriteAsJsonAsync(new Problem("refused: the request's antiforgery token is missing or wrong (reload the page)"));
                    return;
                }
            }

            await next(context);
        });
    }

    /// <summary>
    /// Settles whose data a signed-in request is about, from the store (never from the cookie or token alone): the
    /// account must still exist with the same security stamp, and <c>?athlete=ID</c> of another athlete needs that
    /// athlete's grant now, and only reads.
    /// </summary>
    private static (int Status, string Reason)? Settle(HttpContext context, string? location)
    {
        var stampType = context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        using var accounts = AccountStore.Open(location);
        var account = long.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.CultureInfo.InvariantCulture, out var id) ? accounts.Find(id) : null;
        if (account is null || account.SecurityStamp != context.User.FindFirstValue(stampType))
        {
            return (StatusCodes.Status401Unauthorized, "your sign-in is no longer valid: sign in again");
        }

        var athleteId = account.AthleteId;
        if (context.Request.Query["athlete"] is { Count: > 0 } asked)
        {
            if (!long.TryParse(asked.ToString(), System.Globalization.CultureInfo.InvariantCulture, out athleteId))
            {
                return (StatusCodes.Status400BadRequest, $"athlete must be an athlete's id, not '{asked}'");
            }

            if (athleteId != account.AthleteId)
            {
                if (!accounts.IsGranted(account.Id, athleteId))
                {
                    return (StatusCodes.Status403Forbidden, $"you have no access to athlete {athleteId}");
                }

                if (context.GetEndpoint()?.Metadata.GetMetadata<WritesAthleteData>() is not null)
                {
                    return (StatusCodes.Status403Forbidden, "a coach may read an athlete's data, not change it");
                }
            }
        }

        context.Features.Set(new AthleteAccess(account, athleteId));
        return null;
    }

    /// <summary>The athlete a request is about: the local athlete in local mode; in server mode, as <see cref="Settle"/> found.</summary>
    public static long AthleteOf(HttpContext? context, bool server) =>
        !server ? AthleteStore.LocalAthleteId
            : context?.Features.Get<AthleteAccess>()?.AthleteId ?? throw new InvalidOperationException("a request about an athlete's data reached a handler without a signed-in athlete");

    public static void MapEndpoints(WebApplication app, string? location)
    {
        // The API: a bearer token for a name and password (Identity's bearer token handler writes the answer).
        app.MapPost("/api/token", async (Credentials body, SignInManager<ServerUser> signIn) =>
        {
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(body.User ?? "", body.Password ?? "", isPersistent: false, lockoutOnFailure: false);
            return result.Succeeded ? Results.Empty : Results.Json(new Problem("wrong user name or password"), statusCode: StatusCodes.Status401Unauthorized);
        }).AllowAnonymous().WithMetadata(new NoAntiforgery()).Produces<AccessTokenResponse>();

        app.MapPost("/api/register", async (Credentials body, UserManager<ServerUser> users) =>
            await Register(users, body.User, body.Password) is { } problem ? Results.BadRequest(new Problem(problem)) : Results.Ok())
            .AllowAnonymous().WithMetadata(new NoAntiforgery());

        app.MapGet("/api/account", (HttpContext context) => Results.Ok(View(context, location)));
        // The signed-in account's own password (whichever athlete it is looking at); a new security stamp ends every
        // cookie and token issued before, so a stolen one stops working with the change.
        app.MapPost("/api/account/password", async (PasswordChange body, HttpContext context, UserManager<ServerUser> users) =>
        {
            var account = context.Features.GetRequiredFeature<AthleteAccess>().Account;
            var user = await users.FindByIdAsync(account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (user is null)
            {
                return Results.Json(new Problem("your sign-in is no longer valid: sign in again"), statusCode: StatusCodes.Status401Unauthorized);
            }

            var result = await users.ChangePasswordAsync(user, body.Current ?? "", body.New ?? "");
            return result.Succeeded ? Results.Ok() : Results.BadRequest(new Problem(string.Join(" ", result.Errors.Select(e => e.Description))));
        });
        app.MapPost("/api/grants", (GrantRequest body, HttpContext context) => Grant(context, location, body.Coach, grant: true)).WithMetadata(new WritesAthleteData());
        app.MapDelete("/api/grants/{coach}", (string coach, HttpContext context) => Grant(context, location, coach, grant: false)).WithMetadata(new WritesAthleteData());

        // The pages: sign in, register, the account (grants), sign out.
        app.MapGet("/login", (HttpContext context, IAntiforgery antiforgery, string? error) => Page(context, antiforgery, "Sign in", error, Form("/login", "Sign in") + "<p><a href=\"/register\">Create an account</a> · <a href=\"/forgot\">Forgotten password</a></p>")).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/login", async (HttpRequest request, SignInManager<ServerUser> signIn) =>
        {
            var form = await request.ReadFormAsync();
            var result = await signIn.PasswordSignInAsync(form["user"].ToString(), form["password"].ToString(), isPersistent: false, lockoutOnFailure: false);
            return Results.Redirect(result.Succeeded ? "/" : "/login?error=" + Uri.EscapeDataString("wrong user name or password"));
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/register", (HttpContext context, IAntiforgery antiforgery, string? error) => Page(context, antiforgery, "Create an account", error, Form("/register", "Create"))).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/register", async (HttpRequest request, UserManager<ServerUser> users, SignInManager<ServerUser> signIn) =>
        {
            var form = await request.ReadFormAsync();
            if (await Register(users, form["user"], form["password"]) is { } problem)
            {
                return Results.Redirect("/register?error=" + Uri.EscapeDataString(problem));
            }

            await signIn.PasswordSignInAsync(form["user"].ToString(), form["password"].ToString(), isPersistent: false, lockoutOnFailure: false);
            return Results.Redirect("/");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/logout", async (SignInManager<ServerUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect("/login");
        }).ExcludeFromDescription();
        app.MapGet("/account", (HttpContext context, IAntiforgery antiforgery, string? error) => Results.Content(AccountPage(context, antiforgery, location, error), "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapPost("/account/grant", async (HttpRequest request, HttpContext context) => AfterForm(Grant(context, location, (await request.ReadFormAsync())["coach"], grant: true)))
            .WithMetadata(new WritesAthleteData()).ExcludeFromDescription();
        app.MapPost("/account/revoke", async (HttpRequest request, HttpContext context) => AfterForm(Grant(context, location, (await request.ReadFormAsync())["coach"], grant: false)))
            .WithMetadata(new WritesAthleteData()).ExcludeFromDescription();
        AccountEndpoints.Map(app);
    }

    private static async Task<string?> Register(UserManager<ServerUser> users, string? name, string? password)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || name.Any(char.IsControl))
        {
            return "a user name must be 1 to 64 characters without control characters";
        }

        var result = await users.CreateAsync(new ServerUser { UserName = name.Trim() }, password ?? "");
        return result.Succeeded ? null : string.Join(" ", result.Errors.Select(e => e.Description));
    }

    private static AccountView View(HttpContext context, string? location)
    {
        var account = context.Features.GetRequiredFeature<AthleteAccess>().Account;
        using var accounts = AccountStore.Open(location);
        return new AccountView(account.UserName, account.AthleteId, [.. accounts.GrantsBy(account.AthleteId).Select(g => g.CoachName)],
            [.. accounts.GrantsTo(account.Id).Select(g => new CoachedAthlete(g.AthleteId, g.AthleteName))]);
    }

    /// <summary>Grants a coach access to the signed-in athlete's data, or revokes it (effective on the coach's next request).</summary>
    private static IResult Grant(HttpContext context, string? location, string? coachName, bool grant)
    {
        var account = context.Features.GetRequiredFeature<AthleteAccess>().Account;
        var users = context.RequestServices.GetRequiredService<UserManager<ServerUser>>();
        using var accounts = AccountStore.Open(location);
        var coach = accounts.FindByName(users.NormalizeName(coachName ?? ""));
        if (coach is null || coach.Id == account.Id)
        {
            return Results.BadRequest(new Problem($"no other account is named '{coachName}'"));
        }

        if (grant)
        {
            accounts.Grant(account.AthleteId, coach.Id);
        }
        else if (!accounts.Revoke(account.AthleteId, coach.Id))
        {
            return Results.BadRequest(new Problem($"{coach.UserName} has no access to revoke"));
        }

        return Results.Ok(View(context, location));
    }

    private static IResult AfterForm(IResult result) =>
        result is IValueHttpResult { Value: Problem problem } ? Results.Redirect("/account?error=" + Uri.EscapeDataString(problem.Error)) : Results.Redirect("/account");

    private const string End = "</main></body></html>";

    /// <summary>A page with one form (its <c>{{token}}</c> becomes the antiforgery field) and the error from the last one.</summary>
    public static IResult Page(HttpContext context, IAntiforgery antiforgery, string title, string? error, string body) =>
        Results.Content(Fill(context, Head(context, antiforgery, title, error).Replace("{{form}}", body, StringComparison.Ordinal)) + End, "text/html; charset=utf-8");

    /// <summary>A page's head and title, with the error from the last form, and the antiforgery token its forms carry.</summary>
    private static string Head(HttpContext context, IAntiforgery antiforgery, string title, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Default;
        context.Items["antiforgery-field"] = $"<input type=\"hidden\" name=\"{html.Encode(tokens.FormFieldName)}\" value=\"{html.Encode(tokens.RequestToken ?? "")}\">";
        return $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>RunAdapt: {html.Encode(title)}</title><link rel=\"stylesheet\" href=\"/app.css\"></head><body><main><h1>{html.Encode(title)}</h1>"
            + (error is { Length: > 0 } ? $"<p class=\"error\" role=\"alert\">{html.Encode(error)}</p>" : "")
            + "{{form}}";
    }

    private static string Form(string action, string button) =>
        $"<form method=\"post\" action=\"{action}\">{{{{token}}}}<label>User name <input name=\"user\" autocomplete=\"username\" required></label> "
        + "<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\" required minlength=\"10\"></label> "
        + $"<button type=\"submit\">{button}</button></form>";

    private static string AccountPage(HttpContext context, IAntiforgery antiforgery, string? location, string? error)
    {
        var view = View(context, location);
        var html = HtmlEncoder.Default;
        var head = Head(context, antiforgery, $"Account: {view.User}", error);
        var body = "<p><a href=\"/\">Your dashboard</a></p><h2>Coaches who may read your data</h2><ul>"
            + string.Concat(view.Coaches.Select(c => $"<li>{html.Encode(c)} <form method=\"post\" action=\"/account/revoke\" style=\"display:inline\">{{{{token}}}}<input type=\"hidden\" name=\"coach\" value=\"{html.Encode(c)}\"><button type=\"submit\">Revoke</button></form></li>"))
            + "</ul><form method=\"post\" action=\"/account/grant\">{{token}}<label>Coach's user name <input name=\"coach\" required></label> <button type=\"submit\">Grant access</button></form>"
            + "<h2>Athletes you coach</h2><ul>" + string.Concat(view.Athletes.Select(a => $"<li><a href=\"/?athlete={a.Id}\">{html.Encode(a.Name)}</a></li>")) + "</ul>"
            + "<form method=\"post\" action=\"/logout\">{{token}}<button type=\"submit\">Sign out</button></form>"
            + "<h2>Delete your account</h2><p>Deletes the account and everything stored of you (activities, sessions, profile, results, grants) at once; it cannot be undone.</p>"
            + "<form method=\"post\" action=\"/account/delete\">{{token}}<label>Your password <input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label> <button type=\"submit\">Delete my account</button></form>";
        return Fill(context, head.Replace("{{form}}", body, StringComparison.Ordinal)) + End;
    }

    private static string Fill(HttpContext context, string page) => page.Replace("{{token}}", (string)context.Items["antiforgery-field"]!, StringComparison.Ordinal);
}
