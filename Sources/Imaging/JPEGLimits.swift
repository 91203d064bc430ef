/// Caps that keep a hostile file from producing unbounded output or work.
enum JPEGLimits {
    /// A badly damaged file can raise one warning per restart interval; keep the first ones.
    static let warnings = 100
    /// Real progressive files use about ten scans; each scan costs a pass over the image, so a
    /// small file repeating scan headers could otherwise take very long. libjpeg-turbo's
    /// documentation suggests a limit of this order for untrusted input.
    static let scans = 500
}
