/// How one threshold strategy is drawn, the same in every chart: a colour, a dash pattern for its
/// histogram line, a marker shape for its ROC point and a short label written beside both.
public struct ChartStyle: Sendable, Hashable {
    /// An SVG colour, e.g. `#d62728`.
    public var color: String
    /// An SVG `stroke-dasharray`; nil draws a solid line.
    public var dash: String?
    public var marker: MarkerShape
    /// A few characters that fit beside a line or a point, e.g. `conf` for `conformal`.
    public var label: String

    public init(color: String, dash: String?, marker: MarkerShape, label: String) {
        self.color = color
        self.dash = dash
        self.marker = marker
        self.label = label
    }
}

/// The colours, dash patterns and marker shapes of the report's charts.
///
/// Series (groups of scores) and thresholds never share a colour: the series take the four
/// light-to-mid hues below, the thresholds a separate list of sixteen darker ones, so a report
/// with up to sixteen strategies gives each its own colour. Past that the colours repeat, but
/// the (colour, marker) pair does not before 48 strategies.
public enum ChartPalette {
    /// Fills for the score groups: test good, test anomalous, calibration, synthetic.
    public static let seriesColors = ["#1f77b4", "#ff7f0e", "#7f7f7f", "#bcbd22"]

    /// Line and marker colours for thresholds, none equal to a series colour.
    public static let thresholdColors = [
        "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#000000", "#393b79",
        "#637939", "#e7298a", "#843c39", "#7b4173", "#008080", "#b8860b", "#66a61e", "#6b6ecf",
    ]

    /// The dash pattern says where a threshold came from, the colour which one it is.
    public static func dash(family: ThresholdFamily) -> String? {
        switch family {
        case .normalScore: "7,3"
        case .parametric: "2,2"
        case .synthetic: "9,3,2,3"
        case .transductive: "12,3,2,3,2,3"
        case .oracle: nil
        }
    }

    /// The style of the `index`-th of several thresholds.
    /// - Complexity: O(1).
    public static func style(index: Int, name: String, family: ThresholdFamily) -> ChartStyle {
        ChartStyle(color: thresholdColors[index % thresholdColors.count], dash: dash(family: family),
                   marker: MarkerShape.allCases[index % MarkerShape.allCases.count], label: shortLabel(name))
    }

    /// A short label for a strategy key: known keys have a fixed abbreviation, others keep up to
    /// eight characters, or the first three letters of each hyphenated part.
    public static func shortLabel(_ name: String) -> String {
        if let known = shortLabels[name] { return known }
        if name.count <= 8 { return name }
        return name.split(separator: "-").map { String($0.prefix(3)) }.joined(separator: "-")
    }

    /// A legend entry's name: the short label and the full name, or the name alone when they are equal.
    static func legendName(_ label: String, _ name: String) -> String { label == name ? name : "\(label)  \(name)" }

    static let shortLabels = [
        "conformal": "conf", "conformal-conditional": "cond", "gaussian": "gauss", "lognormal": "logn",
        "synthetic-ba": "syn-ba", "synthetic-f1": "syn-f1", "synthetic-ba-fpr": "syn-fpr",
        "oracle-best-f1": "orc-f1", "oracle-best-balanced-accuracy": "orc-ba", "adaptive-f1": "adapt-f1",
    ]
}

/// Where a threshold came from, as far as its drawing is concerned.
public enum ThresholdFamily: Sendable, Hashable {
    /// Fitted on good scores with a false-alarm argument (conformal, EVT).
    case normalScore
    /// Fitted on good scores with a shape assumption (Gaussian, MAD, …).
    case parametric
    /// Fitted on good and synthetic-anomaly scores.
    case synthetic
    /// Fitted on good scores and the unlabelled test scores (`batch-*`).
    case transductive
    /// Chosen on the test labels.
    case oracle
}

/// Marker shapes for ROC operating points, each recognisable without colour.
public enum MarkerShape: String, Sendable, Hashable, CaseIterable {
    case circle, square, triangleUp, diamond, triangleDown, star, plus, cross, pentagon, triangleLeft, hexagon, triangleRight
}
