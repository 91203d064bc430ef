/// ReLU6: min(max(x, 0), 6). Written as two selects, which LLVM turns into maxps/minps
/// when it vectorises a loop (the generic SIMD `pointwiseMax` is not specialised across modules).
@inline(__always)
func relu6(_ x: Float) -> Float {
    let low = x > 0 ? x : 0
    return low < 6 ? low : 6
}

/// Applies ReLU6 to `count` consecutive values in place.
@inline(__always)
func relu6(_ p: UnsafeMutablePointer<Float>, count: Int) {
    for i in 0..<count { p[i] = relu6(p[i]) }
}
