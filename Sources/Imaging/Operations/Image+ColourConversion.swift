// Colour-model conversions between grey, grey + alpha, RGB and RGBA.
//
// Alpha is carried along by the conversions that keep it and dropped (not
// composited) by `removingAlpha()`, as Pillow's `convert("RGB")` does; use
// `flatteningAlpha(onto:)` to composite instead.

extension Image {
    /// Whether the last channel is alpha (grey + alpha or RGBA).
    public var hasAlpha: Bool { channels == 2 || channels == 4 }

    /// The colour channels, without alpha: 1 (grey) or 3 (RGB).
    public var colourChannels: Int { hasAlpha ? channels - 1 : channels }

    /// Converts RGB to grey with ITU-R 601-2 luma, exactly as Pillow's `convert("L")`.
    ///
    /// L = (R·19595 + G·38470 + B·7471 + 32768) >> 16, Pillow's 16-bit fixed-point
    /// form of R·299/1000 + G·587/1000 + B·114/1000 rounded half up. The two
    /// differ by one level for 9,040 of the 16.7 million 8-bit colours, where
    /// the decimal form lands within 1/65536 of a half; Pillow's form is kept
    /// so grey images match what Python pipelines see. The same formula is
    /// applied to 16-bit samples. Alpha is kept; grey images are returned unchanged.
    /// - Complexity: O(width × height).
    public func greyscale() -> Image {
        guard colourChannels == 3 else { return self }
        let outChannels = hasAlpha ? 2 : 1
        return withSamples(channels: outChannels, { Self.luma($0, channels: channels) }, { Self.luma($0, channels: channels) })
    }

    /// Converts grey to RGB by replicating the grey channel; alpha is kept and RGB images are returned unchanged.
    /// - Complexity: O(width × height).
    public func rgb() -> Image {
        guard colourChannels == 1 else { return self }
        let outChannels = hasAlpha ? 4 : 3
        return withSamples(channels: outChannels,
                           { Self.replicateGrey($0, channels: channels) },
                           { Self.replicateGrey($0, channels: channels) })
    }

    /// Drops the alpha channel without compositing (Pillow's `convert("RGB")` on RGBA).
    /// - Complexity: O(width × height).
    public func removingAlpha() -> Image {
        guard hasAlpha else { return self }
        return withSamples(channels: channels - 1,
                           { Self.composite($0, channels: channels, background: nil) },
                           { Self.composite($0, channels: channels, background: nil) })
    }

    /// Composites the image over a uniform grey background and drops alpha.
    ///
    /// out = (c·a + background·(max − a) + max/2) / max in integers, so fully
    /// opaque pixels keep their exact values.
    /// - Parameter background: the background level in [0, 1] (1 = white).
    /// - Complexity: O(width × height).
    public func flatteningAlpha(onto background: Double = 1) -> Image {
        guard hasAlpha else { return self }
        let level = min(max(background, 0), 1)
        return withSamples(channels: channels - 1,
                           { Self.composite($0, channels: channels, background: UInt8((level * 255).rounded())) },
                           { Self.composite($0, channels: channels, background: UInt16((level * 65535).rounded())) })
    }

    /// Converts to `count` channels: alpha is dropped or added (opaque), grey and RGB are converted as above.
    ///
    /// `converted(toChannels: 3)` is the usual "decode to RGB" step: grey is
    /// replicated and alpha dropped.
    /// - Complexity: O(width × height).
    public func converted(toChannels count: Int) -> Image {
        precondition((1...4).contains(count), "channels must be 1...4")
        if count == channels { return self }
        let wantsAlpha = count == 2 || count == 4
        var result = wantsAlpha ? self : removingAlpha()
        result = (count <= 2) ? result.greyscale() : result.rgb()
        if wantsAlpha && !result.hasAlpha { result = result.addingOpaqueAlpha() }
        return result
    }

    /// Appends a fully opaque alpha channel.
    /// - Complexity: O(width × height).
    public func addingOpaqueAlpha() -> Image {
        guard !hasAlpha else { return self }
        return withSamples(channels: channels + 1,
                           { Self.appendAlpha($0, channels: channels) },
                           { Self.appendAlpha($0, channels: channels) })
    }

    /// An image of `outChannels` channels whose samples are `uint8` or `uint16` of these, at the
    /// same depth. Each conversion is one generic kernel over both depths; a generic function
    /// cannot be passed as a value, so callers pass it once per depth.
    private func withSamples(channels outChannels: Int, _ uint8: ([UInt8]) -> [UInt8], _ uint16: ([UInt16]) -> [UInt16]) -> Image {
        switch samples {
        case .uint8(let s): return Image(width: width, height: height, channels: outChannels, pixels: uint8(s))
        case .uint16(let s): return Image(width: width, height: height, channels: outChannels, pixels16: uint16(s))
        }
    }

    // MARK: kernels

    private static func luma<T: FixedWidthInteger & UnsignedInteger>(_ s: [T], channels: Int) -> [T] {
        let pixels = s.count / channels
        let out = hasAlphaLayout(channels) ? 2 : 1
        return [T](unsafeUninitializedCapacity: pixels * out) { o, n in
            s.withUnsafeBufferPointer { p in
                var i = 0
                var j = 0
                for _ in 0..<pixels {
                    let l = (Int(p[i]) * 19595 + Int(p[i + 1]) * 38470 + Int(p[i + 2]) * 7471 + 0x8000) >> 16
                    o[j] = T(truncatingIfNeeded: l)
                    if out == 2 { o[j + 1] = p[i + 3] }
                    i += channels
                    j += out
                }
            }
            n = pixels * out
        }
    }

    private static func replicateGrey<T: FixedWidthInteger & UnsignedInteger>(_ s: [T], channels: Int) -> [T] {
        let pixels = s.count / channels
        let out = channels == 2 ? 4 : 3
        return [T](unsafeUninitializedCapacity: pixels * out) { o, n in
            s.withUnsafeBufferPointer { p in
                var i = 0
                var j = 0
                for _ in 0..<pixels {
                    let g = p[i]
                    o[j] = g; o[j + 1] = g; o[j + 2] = g
                    if out == 4 { o[j + 3] = p[i + 1] }
                    i += channels
                    j += out
                }
            }
            n = pixels * out
        }
    }

    /// Drops alpha (`background == nil`) or composites over `background`.
    private static func composite<T: FixedWidthInteger & UnsignedInteger>(_ s: [T], channels: Int, background: T?) -> [T] {
        let pixels = s.count / channels
        let colour = channels - 1
        let maximum = Int(T.max)
        return [T](unsafeUninitializedCapacity: pixels * colour) { o, n in
            s.withUnsafeBufferPointer { p in
                var i = 0
                var j = 0
                for _ in 0..<pixels {
                    let a = Int(p[i + colour])
                    for c in 0..<colour {
                        if let bg = background {
                            o[j + c] = T((Int(p[i + c]) * a + Int(bg) * (maximum - a) + maximum / 2) / maximum)
                        } else {
                            o[j + c] = p[i + c]
                        }
                    }
                    i += channels
                    j += colour
                }
            }
            n = pixels * colour
        }
    }

    private static func appendAlpha<T: FixedWidthInteger & UnsignedInteger>(_ s: [T], channels: Int) -> [T] {
        let pixels = s.count / channels
        let out = channels + 1
        return [T](unsafeUninitializedCapacity: pixels * out) { o, n in
            s.withUnsafeBufferPointer { p in
                var i = 0
                var j = 0
                for _ in 0..<pixels {
                    for c in 0..<channels { o[j + c] = p[i + c] }
                    o[j + channels] = T.max
                    i += channels
                    j += out
                }
            }
            n = pixels * out
        }
    }

    private static func hasAlphaLayout(_ channels: Int) -> Bool { channels == 2 || channels == 4 }
}
