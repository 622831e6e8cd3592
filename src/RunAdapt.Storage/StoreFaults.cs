using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace RunAdapt.Storage;

/// <summary>What a database error says about the store, in words a user can act on (not a bug: a fault of the store's file or server).</summary>
public static class StoreFaults
{
    /// <summary>One line on what is wrong with the store, for "LOCATION: the athlete store …".</summary>
    /// <param name="e">The error the database raised.</param>
    public static string Describe(DbException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        // SQLite's primary result codes (https://sqlite.org/rescode.html); the extended code's low byte is the primary one.
        return e is SqliteException sqlite ? (sqlite.SqliteErrorCode & 0xff) switch
        {
            5 or 6 => "is busy: another runadapt is writing to it; try again when it has finished",
            8 => "is read-only: check the permissions of the file and of its folder",
            10 => "cannot be read or written (an I/O error): check the disk",
            11 or 26 => "is damaged or not a RunAdapt store: restore a backup, or import again into a new store (--db NEW)",
            13 => "cannot grow: the disk is full",
            14 => "cannot be opened: check that its folder exists and is writable",
            _ => $"cannot be used ({e.Message})",
        } : $"cannot be used ({e.Message})";
    }
}
