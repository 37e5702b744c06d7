import Foundation

/// The average path length of an unsuccessful search in a binary search tree of
/// `n` points, `c(n)` in Liu, Ting and Zhou (2008): the expected depth still to go
/// below a leaf that holds `n` points, and the normaliser of the anomaly score.
///
/// `c(n) = 2 H(n-1) - 2(n-1)/n` with `H(i) ≈ ln(i) + γ`; `c(1) = 0`, `c(2) = 1`.
@inlinable
public func averagePathLength(_ n: Int) -> Double {
    if n <= 1 { return 0 }
    if n == 2 { return 1 }
    let count = Double(n)
    return 2 * (log(count - 1) + eulerGamma) - 2 * (count - 1) / count
}

/// The Euler–Mascheroni constant γ.
public let eulerGamma = 0.577_215_664_901_532_9
