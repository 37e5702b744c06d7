/// The hash that names a sorted list of facts (a semi-context) in the context memory.
///
/// It is the tuple hash of CPython 2.7 on a 64-bit machine applied to integers, which
/// hash to themselves. The published CAD OSE results were produced with it: the hash
/// both keys the semi-context dictionaries and breaks ties when the most-activated
/// contexts are chosen, so using the same function makes those choices, and with them
/// the scores, identical to the reference.
enum FactListHash {
    /// The hash of `facts`, in the order given (callers keep facts sorted).
    static func of(_ facts: some Collection<Int>) -> Int64 {
        var accumulator: Int64 = 0x34_5678
        var multiplier: Int64 = 1_000_003
        var remaining = Int64(facts.count)
        for fact in facts {
            remaining -= 1
            let element = fact == -1 ? -2 : Int64(fact)
            accumulator = (accumulator ^ element) &* multiplier
            multiplier = multiplier &+ 82_520 &+ remaining &+ remaining
        }
        accumulator = accumulator &+ 97_531
        return accumulator == -1 ? -2 : accumulator
    }
}
