/// The tables of the fixed Huffman code (block type 1), built once.
enum FixedHuffmanTables {
    static let literalLengths: HuffmanDecodeTable = {
        // The fixed code is complete by construction, so building cannot fail.
        (try? HuffmanDecodeTable(
            lengths: DeflateTables.fixedLiteralLengths[...], primaryBits: 10, name: "fixed literal/length",
            allowsSingleCode: false, leaf: HuffmanEntry.literalLength))
            ?? HuffmanDecodeTable.empty
    }()
    static let distances: HuffmanDecodeTable = {
        (try? HuffmanDecodeTable(
            lengths: DeflateTables.fixedDistanceLengths[...], primaryBits: 8, name: "fixed distance",
            allowsSingleCode: false, leaf: HuffmanEntry.distance))
            ?? HuffmanDecodeTable.empty
    }()
}
