/// What the inverse transforms of a finished progressive image read and write: every component's
/// coefficients and quantisers, the sample planes, and scratch memory.
struct JPEGBlockBuffers {
    /// Every component's coefficient blocks (natural order), component c starting at `coefficientOffsets[c]`.
    let coefficients: UnsafePointer<Int16>
    /// 64 quantisers per component, natural order.
    let quant: UnsafePointer<Int16>
    /// The sample planes, written in place.
    let planes: UnsafeMutablePointer<UInt8>
    let scratch: JPEGScratch
    let coefficientOffsets: [Int]
    let planeOffsets: [Int]
    let planeStrides: [Int]

    /// Inverse-transforms `block` of component `c` into the 8×8 samples of block (`row`, `column`) of its plane.
    @inline(__always)
    func transform(_ block: UnsafePointer<Int16>, component c: Int, row: Int, column: Int) {
        let stride = planeStrides[c]
        JPEGIDCT.transform(
            block, quant: quant + c * 64, output: planes + planeOffsets[c] + row * 8 * stride + column * 8,
            stride: stride, workspace: scratch.workspace)
    }
}

extension JPEGDecodingState {
    /// Runs `body` with the coefficients, quantisers and sample planes as ``JPEGBlockBuffers``.
    ///
    /// The planes are taken out of `samples` for the duration, so they are written in place rather than copied.
    mutating func withBlockBuffers(_ body: (JPEGBlockBuffers) -> Void) {
        var planes = samples
        samples = []
        let quant = componentQuant
        coefficients.withUnsafeBufferPointer { coefPointer in
            planes.withUnsafeMutableBufferPointer { planePointer in
                quant.withUnsafeBufferPointer { quantPointer in
                    guard let coefs = coefPointer.baseAddress, let out = planePointer.baseAddress,
                        let q = quantPointer.baseAddress
                    else { return }
                    let scratch = JPEGScratch()
                    defer { scratch.deallocate() }
                    body(JPEGBlockBuffers(
                        coefficients: coefs, quant: q, planes: out, scratch: scratch,
                        coefficientOffsets: coefficientOffsets, planeOffsets: planeOffsets, planeStrides: planeStrides))
                }
            }
        }
        samples = planes
    }
}
