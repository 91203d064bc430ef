/// The numbers a parameter accepts: an interval whose ends may each be open, closed or absent.
public struct NumberRange: Sendable, Hashable, CustomStringConvertible {
    public var lower: Double?
    public var lowerIncluded: Bool
    public var upper: Double?
    public var upperIncluded: Bool

    public init(lower: Double?, lowerIncluded: Bool, upper: Double?, upperIncluded: Bool) {
        self.lower = lower
        self.lowerIncluded = lowerIncluded
        self.upper = upper
        self.upperIncluded = upperIncluded
    }

    /// Every finite number.
    public static let any = NumberRange(lower: nil, lowerIncluded: false, upper: nil, upperIncluded: false)
    /// (a, b).
    public static func open(_ a: Double, _ b: Double) -> NumberRange { NumberRange(lower: a, lowerIncluded: false, upper: b, upperIncluded: false) }
    /// [a, b].
    public static func closed(_ a: Double, _ b: Double) -> NumberRange { NumberRange(lower: a, lowerIncluded: true, upper: b, upperIncluded: true) }
    /// x > a.
    public static func above(_ a: Double) -> NumberRange { NumberRange(lower: a, lowerIncluded: false, upper: nil, upperIncluded: false) }
    /// x ≥ a.
    public static func atLeast(_ a: Double) -> NumberRange { NumberRange(lower: a, lowerIncluded: true, upper: nil, upperIncluded: false) }

    public func contains(_ x: Double) -> Bool {
        guard x.isFinite else { return false }
        if let lower, lowerIncluded ? x < lower : x <= lower { return false }
        if let upper, upperIncluded ? x > upper : x >= upper { return false }
        return true
    }

    /// "a number in (0, 1)", "a number > 0", "a number".
    public var description: String {
        func text(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)" }
        switch (lower, upper) {
        case let (l?, u?):
            return "a number in \(lowerIncluded ? "[" : "(")\(text(l)), \(text(u))\(upperIncluded ? "]" : ")")"
        case let (l?, nil): return "a number \(lowerIncluded ? "≥" : ">") \(text(l))"
        case let (nil, u?): return "a number \(upperIncluded ? "≤" : "<") \(text(u))"
        case (nil, nil): return "a finite number"
        }
    }
}
