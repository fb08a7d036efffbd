using System.Reflection;
using Microsoft.Data.SqlClient;

namespace Cchc.TestSupport.SqlServer;

/// <summary>
/// A real <see cref="SqlException"/> with a chosen error number, as SqlClient builds one from a server's reply. It
/// has no public constructor, so it is made through SqlClient's own internal factory (reflection; checked against
/// Microsoft.Data.SqlClient 7.1).
/// </summary>
public static class SqlErrors
{
    public static SqlException Exception(int number, string message, byte severity = 16)
    {
        var error = (SqlError)typeof(SqlError)
            .GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, [typeof(int), typeof(byte), typeof(byte), typeof(string), typeof(string), typeof(string), typeof(int), typeof(Exception)])!
            .Invoke([number, (byte)1, severity, "server", message, "", 1, null]);
        var errors = (SqlErrorCollection)typeof(SqlErrorCollection).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)!.Invoke(null);
        typeof(SqlErrorCollection).GetMethod("Add", BindingFlags.NonPublic | BindingFlags.Instance)!.Invoke(errors, [error]);
        return (SqlException)typeof(SqlException)
            .GetMethod("CreateException", BindingFlags.NonPublic | BindingFlags.Static, [typeof(SqlErrorCollection), typeof(string)])!
            .Invoke(null, [errors, "16.0"])!;
    }
}
