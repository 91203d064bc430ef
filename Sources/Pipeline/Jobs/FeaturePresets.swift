import Features

/// The feature presets `--features` accepts, for commands that list them.
public enum FeaturePresets {
    /// Preset names in help order, e.g. `efficientnet-lite0`, `pixels`, `grey128`.
    public static var names: [String] { ExtractorRegistry.standard.presetNames }

    /// "name: summary" lines for help.
    public static var descriptions: [String] { ExtractorRegistry.standard.presets.map { "\($0.name): \($0.summary)" } }
}
