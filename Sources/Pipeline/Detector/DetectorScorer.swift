import LinearAlgebra
import Scoring

/// A scorer a detector file can store: the KDE classifier or Deep SVDD.
public enum DetectorScorer: AnomalyScorer {
    case kde(KDEClassifier)
    case svdd(DeepSVDDScorer)

    /// The scorer's name as the CLI spells it.
    public var kind: ScorerKind {
        switch self {
        case .kde: .kde
        case let .svdd(s):
            if case .convolutional = s.architecture { .svddConvolutional } else { .svdd }
        }
    }

    public mutating func fit(normal samples: Matrix<Float>) throws(ScoringError) {
        switch self {
        case var .kde(s): try s.fit(normal: samples); self = .kde(s)
        case var .svdd(s): try s.fit(normal: samples); self = .svdd(s)
        }
    }

    public func score(_ samples: Matrix<Float>) throws(ScoringError) -> [Double] {
        switch self {
        case let .kde(s): try s.score(samples)
        case let .svdd(s): try s.score(samples)
        }
    }

    /// Warnings the last fit raised (Deep SVDD's collapse check).
    public var warnings: [String] {
        if case let .svdd(s) = self { return s.warnings }
        return []
    }
}
