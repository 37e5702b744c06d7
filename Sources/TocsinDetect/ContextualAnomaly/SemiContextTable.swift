/// The semi-contexts of one side (left or right) of the context memory: sorted fact
/// lists, numbered in order of creation, found by their ``FactListHash`` and indexed by
/// fact.
///
/// The right side is indexed by every fact, to count how many of its facts a step holds;
/// the left side, which is much larger, only by its last (greatest) fact, which is enough
/// to find the semi-contexts all of whose facts a step holds.
struct SemiContextTable: Sendable {
    /// Which facts of a semi-context the index lists it under.
    enum Index: Sendable {
        /// Every fact: ``containing(_:)`` gives every semi-context that has the fact.
        case everyFact
        /// The last fact only: ``containing(_:)`` gives the semi-contexts that end with it.
        case lastFact
    }

    /// Which facts the index lists.
    let index: Index
    /// All facts of all semi-contexts, one after the other.
    private var factPool: [Int] = []
    /// Where each semi-context's facts end in `factPool`.
    private var factEnds: [Int32] = []
    /// The hash of each semi-context's facts.
    private(set) var hashes: [Int64] = []
    /// A 64-bit summary of each semi-context's facts (see ``signature(of:)``).
    private var signatures: [UInt64] = []
    private var numbersByHash: [Int64: Int32] = [:]
    private var indexed: [Int: [Int32]] = [:]

    /// An empty table indexed by `index`.
    init(index: Index) {
        self.index = index
    }

    /// The number of semi-contexts.
    var count: Int { factEnds.count }

    /// The facts of semi-context `number`, sorted.
    func facts(_ number: Int32) -> ArraySlice<Int> {
        let start = number == 0 ? 0 : Int(factEnds[Int(number) - 1])
        return factPool[start..<Int(factEnds[Int(number)])]
    }

    /// The number of facts of semi-context `number`.
    func length(_ number: Int32) -> Int {
        Int(factEnds[Int(number)] - (number == 0 ? 0 : factEnds[Int(number) - 1]))
    }

    /// The semi-contexts listed under `fact` (see ``Index``), in order of creation.
    func containing(_ fact: Int) -> [Int32] {
        indexed[fact] ?? []
    }

    /// The number of the semi-context with these facts (sorted, hashing to `hash`), and
    /// whether it had to be added.
    mutating func findOrAdd(_ facts: some Collection<Int>, hash: Int64) -> (number: Int32, added: Bool) {
        if let known = numbersByHash[hash] { return (known, false) }
        let number = Int32(count)
        numbersByHash[hash] = number
        hashes.append(hash)
        signatures.append(Self.signature(of: facts))
        factPool.append(contentsOf: facts)
        factEnds.append(Int32(factPool.count))
        switch index {
        case .everyFact:
            for fact in facts { indexed[fact, default: []].append(number) }
        case .lastFact:
            if let last = facts.max() { indexed[last, default: []].append(number) }
        }
        return (number, true)
    }

    /// Which of `facts` (sorted, distinct, at most 64) semi-context `number` has: bit `i`
    /// stands for `facts[i]`.
    func matchMask(_ number: Int32, among facts: [Int]) -> UInt64 {
        var mask: UInt64 = 0
        var own = number == 0 ? 0 : Int(factEnds[Int(number) - 1])
        let end = Int(factEnds[Int(number)])
        var other = 0
        while own < end, other < facts.count {
            let fact = factPool[own]
            if fact < facts[other] {
                own += 1
            } else if fact > facts[other] {
                other += 1
            } else {
                mask |= 1 << other
                own += 1
                other += 1
            }
        }
        return mask
    }

    /// The semi-contexts all of whose facts are in `facts` (sorted, distinct); needs the
    /// ``Index/lastFact`` index.
    func subsets(of facts: [Int]) -> [Int32] {
        let outside = ~Self.signature(of: facts)
        var result: [Int32] = []
        for fact in facts {
            for number in containing(fact) where signatures[Int(number)] & outside == 0
                && matchMask(number, among: facts).nonzeroBitCount == length(number) {
                result.append(number)
            }
        }
        return result
    }

    /// One bit per fact, chosen by a multiplicative hash: a semi-context whose signature has
    /// a bit that a fact list's signature lacks has a fact outside the list.
    private static func signature(of facts: some Sequence<Int>) -> UInt64 {
        facts.reduce(0) { $0 | 1 << ((UInt64(bitPattern: Int64($1)) &* 0x9E37_79B9_7F4A_7C15) >> 58) }
    }

    /// The table keeping only the semi-contexts for which `keep` is true, renumbered in
    /// their old order; `renumbering[old]` is the new number or -1.
    func compacted(keeping keep: [Bool]) -> (table: SemiContextTable, renumbering: [Int32]) {
        var table = SemiContextTable(index: index)
        var renumbering = [Int32](repeating: -1, count: count)
        for number in 0..<Int32(count) where keep[Int(number)] {
            renumbering[Int(number)] = table.findOrAdd(facts(number), hash: hashes[Int(number)]).number
        }
        return (table, renumbering)
    }
}
