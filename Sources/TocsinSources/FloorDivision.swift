extension Int {
    /// The quotient rounded towards minus infinity, so that negative ticks fall in the
    /// cycle or noise segment before tick 0 rather than in the same one.
    func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return self % divisor < 0 ? quotient - 1 : quotient
    }
}
