namespace Ingest.Crawling.Robots;

/// <summary>One allow or disallow line of the group that applies to us.</summary>
internal sealed record RobotsRule(bool Allow, RobotsPathPattern Pattern);
