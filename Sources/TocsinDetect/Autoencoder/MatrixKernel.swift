/// The matrix product every LSTM pass here is made of, blocked for registers:
///
///     C[i, j] = (accumulate ? C[i, j] : 0) + Σ_k A[i, k] · B[k, j]
///
/// for `i < rows`, `j < columns`, `k < depth`. A is read with any strides (so Aᵀ can be
/// used without copying), B and C have contiguous rows. Two rows of C by eight columns
/// are kept in registers while the product runs over `k`, loading each row of B once
/// per pair of rows. The summation order is fixed, so results are reproducible.
enum MatrixKernel {
    @inline(__always)
    static func multiply(
        rows: Int, columns: Int, depth: Int,
        a: UnsafePointer<Double>, aRowStride: Int, aDepthStride: Int,
        b: UnsafePointer<Double>, bRowStride: Int,
        c: UnsafeMutablePointer<Double>, cRowStride: Int, accumulate: Bool
    ) {
        // Sixteen scalar accumulators rather than SIMD types: the optimiser turns them into
        // eight vector registers, and unoptimised (debug) builds stay fast enough for tests.
        var column = 0
        while column + 8 <= columns {
            var row = 0
            while row + 2 <= rows {
                let c0 = c + row * cRowStride + column
                let c1 = c0 + cRowStride
                var s00 = 0.0, s01 = 0.0, s02 = 0.0, s03 = 0.0, s04 = 0.0, s05 = 0.0, s06 = 0.0, s07 = 0.0
                var s10 = 0.0, s11 = 0.0, s12 = 0.0, s13 = 0.0, s14 = 0.0, s15 = 0.0, s16 = 0.0, s17 = 0.0
                if accumulate {
                    s00 = c0[0]; s01 = c0[1]; s02 = c0[2]; s03 = c0[3]; s04 = c0[4]; s05 = c0[5]; s06 = c0[6]; s07 = c0[7]
                    s10 = c1[0]; s11 = c1[1]; s12 = c1[2]; s13 = c1[3]; s14 = c1[4]; s15 = c1[5]; s16 = c1[6]; s17 = c1[7]
                }
                var a0 = a + row * aRowStride
                var a1 = a0 + aRowStride
                var bk = b + column
                for _ in 0..<depth {
                    let x0 = a0.pointee, x1 = a1.pointee
                    let b0 = bk[0], b1 = bk[1], b2 = bk[2], b3 = bk[3], b4 = bk[4], b5 = bk[5], b6 = bk[6], b7 = bk[7]
                    s00 += x0 * b0; s01 += x0 * b1; s02 += x0 * b2; s03 += x0 * b3
                    s04 += x0 * b4; s05 += x0 * b5; s06 += x0 * b6; s07 += x0 * b7
                    s10 += x1 * b0; s11 += x1 * b1; s12 += x1 * b2; s13 += x1 * b3
                    s14 += x1 * b4; s15 += x1 * b5; s16 += x1 * b6; s17 += x1 * b7
                    a0 += aDepthStride
                    a1 += aDepthStride
                    bk += bRowStride
                }
                c0[0] = s00; c0[1] = s01; c0[2] = s02; c0[3] = s03; c0[4] = s04; c0[5] = s05; c0[6] = s06; c0[7] = s07
                c1[0] = s10; c1[1] = s11; c1[2] = s12; c1[3] = s13; c1[4] = s14; c1[5] = s15; c1[6] = s16; c1[7] = s17
                row += 2
            }
            if row < rows {
                let c0 = c + row * cRowStride + column
                var s00 = 0.0, s01 = 0.0, s02 = 0.0, s03 = 0.0, s04 = 0.0, s05 = 0.0, s06 = 0.0, s07 = 0.0
                if accumulate {
                    s00 = c0[0]; s01 = c0[1]; s02 = c0[2]; s03 = c0[3]; s04 = c0[4]; s05 = c0[5]; s06 = c0[6]; s07 = c0[7]
                }
                var a0 = a + row * aRowStride
                var bk = b + column
                for _ in 0..<depth {
                    let x0 = a0.pointee
                    s00 += x0 * bk[0]; s01 += x0 * bk[1]; s02 += x0 * bk[2]; s03 += x0 * bk[3]
                    s04 += x0 * bk[4]; s05 += x0 * bk[5]; s06 += x0 * bk[6]; s07 += x0 * bk[7]
                    a0 += aDepthStride
                    bk += bRowStride
                }
                c0[0] = s00; c0[1] = s01; c0[2] = s02; c0[3] = s03; c0[4] = s04; c0[5] = s05; c0[6] = s06; c0[7] = s07
            }
            column += 8
        }
        // Columns beyond the last multiple of 8 (only for small or odd sizes, or d > 1 outputs).
        while column < columns {
            for row in 0..<rows {
                var sum = accumulate ? c[row * cRowStride + column] : 0
                for k in 0..<depth { sum += a[row * aRowStride + k * aDepthStride] * b[k * bRowStride + column] }
                c[row * cRowStride + column] = sum
            }
            column += 1
        }
    }

    /// `y[0..<count] += alpha * x[0..<count]`.
    @inline(__always)
    static func axpy(_ count: Int, _ alpha: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>) {
        for index in 0..<count { y[index] += alpha * x[index] }
    }

    /// `Σ x[k]·y[k]` over four independent partial sums (so that the additions pipeline
    /// and vectorise), added in a fixed order.
    @inline(__always)
    static func dot(_ count: Int, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var k = 0
        while k + 4 <= count {
            s0 += x[k] * y[k]
            s1 += x[k + 1] * y[k + 1]
            s2 += x[k + 2] * y[k + 2]
            s3 += x[k + 3] * y[k + 3]
            k += 4
        }
        while k < count {
            s0 += x[k] * y[k]
            k += 1
        }
        return (s0 + s1) + (s2 + s3)
    }
}
