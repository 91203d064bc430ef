import Testing
@testable import DeflateCodec

/// The compressor's code builder against the inflater's table builder.
struct HuffmanCodeTests {
    @Test func fibonacciFrequenciesAreLimitedAndComplete() throws {
        // Fibonacci weights give the deepest possible Huffman tree: 29 levels for 30 symbols.
        var frequencies = [1, 1]
        while frequencies.count < 30 { frequencies.append(frequencies[frequencies.count - 1] + frequencies[frequencies.count - 2]) }
        for limit in [7, 15] {
            let lengths = HuffmanCodeBuilder.lengths(frequencies: frequencies, limit: limit)
            #expect(lengths.allSatisfy { $0 >= 1 && Int($0) <= limit })
            let kraft = lengths.reduce(0.0) { $0 + 1.0 / Double(1 << Int($1)) }
            #expect(kraft == 1.0)
            // More frequent symbols never get longer codes.
            #expect(zip(lengths, lengths.dropFirst()).allSatisfy { $0 >= $1 })
            // The inflater accepts the code as complete.
            _ = try HuffmanDecodeTable(
                lengths: lengths[...], primaryBits: 10, name: "test", allowsSingleCode: false, leaf: HuffmanEntry.literal)
        }
    }

    @Test func fewSymbolsStillGetTwoCodes() {
        #expect(HuffmanCodeBuilder.lengths(frequencies: [0, 0, 0], limit: 15) == [1, 1, 0])
        #expect(HuffmanCodeBuilder.lengths(frequencies: [0, 5, 0], limit: 15) == [1, 1, 0])
        #expect(HuffmanCodeBuilder.lengths(frequencies: [3, 1, 1], limit: 15) == [1, 2, 2])
    }

    @Test func canonicalCodesAreBitReversed() {
        // RFC 1951 §3.2.2: lengths (2, 1, 3, 3) give codes 10, 0, 110, 111.
        #expect(HuffmanCodeBuilder.reversedCodes(lengths: [2, 1, 3, 3]) == [0b01, 0b0, 0b011, 0b111])
    }

    @Test func decodeTableRejectsBadCodes() {
        #expect(throws: DeflateError.invalidCodeLengths("t code is incomplete")) {
            try HuffmanDecodeTable(lengths: [2, 2, 2][...], primaryBits: 7, name: "t", allowsSingleCode: true, leaf: HuffmanEntry.literal)
        }
        #expect(throws: DeflateError.invalidCodeLengths("t code is over-subscribed")) {
            try HuffmanDecodeTable(lengths: [1, 1, 1][...], primaryBits: 7, name: "t", allowsSingleCode: true, leaf: HuffmanEntry.literal)
        }
        // A single 1-bit code is the one incomplete code DEFLATE allows (for distances).
        #expect(throws: Never.self) {
            try HuffmanDecodeTable(lengths: [0, 1][...], primaryBits: 7, name: "t", allowsSingleCode: true, leaf: HuffmanEntry.literal)
        }
    }
}
