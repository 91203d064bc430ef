/// TensorFlow "SAME" geometry along one axis (REFERENCE §7).
struct SamePadding: Sendable, Hashable {
    /// ⌈input / stride⌉.
    let output: Int
    /// Zero rows/columns added before the input (the smaller half of the total).
    let before: Int

    init(input: Int, kernel: Int, stride: Int) {
        output = (input + stride - 1) / stride
        let total = max((output - 1) * stride + kernel - input, 0)
        before = total / 2
    }
}
