/// Where a command writes: stdout for results, stderr for warnings and progress.
///
/// Commands never print directly, so tests can run them in-process and read
/// exactly what a user would see.
public struct Console: Sendable {
    public var writeOut: @Sendable (String) -> Void
    public var writeErr: @Sendable (String) -> Void
    /// Whether stderr is a terminal; progress is shown only then.
    public var errorIsTerminal: Bool

    public init(writeOut: @escaping @Sendable (String) -> Void, writeErr: @escaping @Sendable (String) -> Void, errorIsTerminal: Bool) {
        self.writeOut = writeOut
        self.writeErr = writeErr
        self.errorIsTerminal = errorIsTerminal
    }

    func out(_ line: String) { writeOut(line + "\n") }
    func err(_ line: String) { writeErr(line + "\n") }
}
