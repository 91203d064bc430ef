/// The features of N samples, as a scorer reads them: one vector per sample, or a grid of
/// patch vectors per sample, stacked as the rows of one matrix.
///
/// A pooled extractor gives one row per sample, so `rows` is the familiar N×D matrix. A
/// feature-map extractor gives each sample a height × width grid of D-dimensional patch
/// vectors, row `y·width + x` of its block; grids may differ in shape from sample to
/// sample (images kept at their own aspect ratio), which is why they are not flattened
/// into one fixed-width row.
///
/// ```swift
/// let pooled = FeatureBatch(vectors: matrix)                 // N×D, every grid 1×1
/// let x = try pooled.vectors()                               // the N×D matrix back, no copy
/// let two = pooled.selecting([0, 5])                         // samples 0 and 5
/// ```
public struct FeatureBatch: Sendable, Hashable {
    /// Where one sample's rows sit in space.
    public struct Grid: Sendable, Hashable {
        /// Patch rows and columns; 1 × 1 for a pooled vector.
        public var height: Int
        public var width: Int
        /// The size of the network input the grid covers, in pixels (nil for pooled vectors).
        /// A patch scorer draws its anomaly map at this size.
        public var inputHeight: Int?
        public var inputWidth: Int?
        /// The size of the image the input was made from (nil when unknown), so a map can be
        /// carried back onto it.
        public var sourceHeight: Int?
        public var sourceWidth: Int?

        public init(height: Int, width: Int, inputHeight: Int? = nil, inputWidth: Int? = nil,
                    sourceHeight: Int? = nil, sourceWidth: Int? = nil) {
            self.height = height
            self.width = width
            self.inputHeight = inputHeight
            self.inputWidth = inputWidth
            self.sourceHeight = sourceHeight
            self.sourceWidth = sourceWidth
        }

        /// A pooled vector's grid.
        public static let single = Grid(height: 1, width: 1)

        /// The number of rows the sample owns.
        public var count: Int { height * width }
    }

    /// Every sample's rows, sample after sample.
    public private(set) var rows: Matrix<Float>
    /// One grid per sample, in order.
    public private(set) var grids: [Grid]
    /// Sample i owns rows `offsets[i]..<offsets[i + 1]`.
    private var offsets: [Int]

    /// One vector per sample: the rows of `vectors`.
    public init(vectors: Matrix<Float>) {
        rows = vectors
        grids = Array(repeating: .single, count: vectors.rows)
        offsets = Array(0...vectors.rows)
    }

    /// Samples with the given grids over the stacked `rows`.
    /// - Precondition: the grids' counts add up to `rows.rows` (a programmer error otherwise).
    public init(rows: Matrix<Float>, grids: [Grid]) {
        var offsets = [0]
        offsets.reserveCapacity(grids.count + 1)
        for g in grids { offsets.append(offsets[offsets.count - 1] + g.count) }
        precondition(offsets.last == rows.rows, "grids cover \(offsets.last ?? 0) rows, the matrix has \(rows.rows)")
        self.rows = rows
        self.grids = grids
        self.offsets = offsets
    }

    /// No samples, of dimension `dimension`.
    public init(dimension: Int) {
        self.init(vectors: Matrix(rows: 0, columns: dimension))
    }

    /// The samples of every batch, in order.
    /// - Precondition: every batch has the same dimension.
    /// - Complexity: O(total rows × dimension).
    public init(concatenating batches: [FeatureBatch]) {
        guard let first = batches.first else {
            self.init(dimension: 0)
            return
        }
        precondition(batches.allSatisfy { $0.dimension == first.dimension }, "batches differ in dimension")
        var elements: [Float] = []
        elements.reserveCapacity(batches.reduce(0) { $0 + $1.rows.elements.count })
        for b in batches { elements += b.rows.elements }
        let total = batches.reduce(0) { $0 + $1.rows.rows }
        self.init(rows: Matrix(rows: total, columns: first.dimension, elements: elements), grids: batches.flatMap(\.grids))
    }

    /// The number of samples.
    public var count: Int { grids.count }

    /// The length of every row.
    public var dimension: Int { rows.columns }

    /// True when every sample is a single vector.
    public var isVectors: Bool { grids.allSatisfy { $0.count == 1 } }

    /// The rows of sample `i`.
    public func rowRange(of i: Int) -> Range<Int> { offsets[i]..<offsets[i + 1] }

    /// The samples at `indices`, in that order.
    /// - Complexity: O(rows copied × dimension).
    public func selecting(_ indices: [Int]) -> FeatureBatch {
        var elements: [Float] = []
        let d = dimension
        elements.reserveCapacity(indices.reduce(0) { $0 + grids[$1].count } * d)
        rows.elements.withUnsafeBufferPointer { e in
            for i in indices { elements.append(contentsOf: e[(offsets[i] * d)..<(offsets[i + 1] * d)]) }
        }
        return FeatureBatch(rows: Matrix(rows: elements.count / max(d, 1), columns: d, elements: elements),
                            grids: indices.map { grids[$0] })
    }

    /// The samples in `range`.
    public func samples(_ range: Range<Int>) -> FeatureBatch { selecting(Array(range)) }

    /// The N×D matrix of a batch of single vectors, without copying.
    /// - Throws: ``LinearAlgebraError/notVectors(sample:height:width:)`` naming the first sample that is a grid.
    public func vectors() throws(LinearAlgebraError) -> Matrix<Float> {
        if let i = grids.firstIndex(where: { $0.count != 1 }) {
            throw .notVectors(sample: i, height: grids[i].height, width: grids[i].width)
        }
        return rows
    }
}
