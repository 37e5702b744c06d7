/// The order in which a CPython 2.7 dictionary iterates non-negative integer keys that
/// were only ever inserted, never removed.
///
/// The reference implementation keeps each left semi-context's contexts in such a
/// dictionary (keyed by the right semi-context's number) and proposes new contexts in
/// its iteration order, and that order decides the numbers the new contexts get. Those
/// numbers become facts, so reproducing the order is what keeps the published scores
/// reproducible. The dictionary is open addressing over a power-of-two table of at least
/// 8 slots, probed with `i = 5·i + perturb + 1` while `perturb` shifts right by 5, and
/// grown to the smallest power of two above 4 × entries once two thirds of it is filled.
enum LegacyDictOrder {
    /// The positions in `keys` (distinct, non-negative, in insertion order) in the order
    /// the dictionary would iterate them.
    static func iterationOrder(ofKeysInsertedInOrder keys: [Int32]) -> [Int] {
        var table = [Int](repeating: -1, count: 8)
        for position in keys.indices {
            place(position, key: keys[position], in: &table)
            let filled = position + 1
            if filled * 3 >= table.count * 2 {
                var size = 8
                while size <= 4 * filled { size <<= 1 }
                var grown = [Int](repeating: -1, count: size)
                for occupant in table where occupant >= 0 {
                    place(occupant, key: keys[occupant], in: &grown)
                }
                table = grown
            }
        }
        return table.filter { $0 >= 0 }
    }

    private static func place(_ position: Int, key: Int32, in table: inout [Int]) {
        let mask = UInt(table.count - 1)
        var probe = UInt(key) & mask
        var perturb = UInt(key)
        while table[Int(probe & mask)] >= 0 {
            probe = (probe &<< 2) &+ probe &+ perturb &+ 1
            perturb >>= 5
        }
        table[Int(probe & mask)] = position
    }
}
