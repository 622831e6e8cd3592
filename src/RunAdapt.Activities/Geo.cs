namespace RunAdapt.Activities;

/// <summary>Distances on the Earth's surface.</summary>
public static class Geo
{
    /// <summary>Mean Earth radius (IUGG), in metres.</summary>
    public const double EarthRadiusMetres = 6371008.8;

    /// <summary>Great-circle (haversine) distance between two WGS84 positions, in metres.</summary>
    /// <param name="latitude1">First latitude, degrees.</param>
    /// <param name="longitude1">First longitude, degrees.</param>
    /// <param name="latitude2">Second latitude, degrees.</param>
    /// <param name="longitude2">Second longitude, degrees.</param>
    public static double HaversineMetres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var dLat = double.DegreesToRadians(latitude2 - latitude1);
        var dLon = double.DegreesToRadians(longitude2 - longitude1);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) +
                (Math.Cos(double.DegreesToRadians(latitude1)) * Math.Cos(double.DegreesToRadians(latitude2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
