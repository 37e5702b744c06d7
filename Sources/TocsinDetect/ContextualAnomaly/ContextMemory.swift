/// The dictionary of semi-contexts and contexts: what the detector has learned.
///
/// A context joins a left semi-context (facts of the previous step) to a right
/// semi-context (facts of the current step). Both sides are shared between contexts, and
/// each left semi-context lists its contexts (``ContextLink``) in order of creation.
///
/// A step first marks which right semi-contexts its value facts match
/// (``crossRight(_:)``), then rates the contexts (``review(_:)``), and at its end marks
/// which left semi-contexts its facts fully match (``crossLeft(_:)``) for the next step.
struct ContextMemory: Sendable {
    /// Left semi-contexts: subsets of a step's facts, value bits and active contexts.
    private(set) var left = SemiContextTable(index: .lastFact)
    /// Right semi-contexts: subsets of a step's value bits.
    private(set) var right = SemiContextTable(index: .everyFact)
    /// For each left semi-context, its contexts in order of creation.
    private var links: [[ContextLink]] = []
    /// For each left semi-context, the positions in `links` of its whole-step contexts:
    /// the only ones a partly matched left side proposes from.
    private var zeroLevelLinks: [[Int32]] = []
    /// The left semi-contexts with whole-step contexts, in order of their first one.
    private var zeroLevelLefts: [Int32] = []
    /// The contexts, in order of creation.
    private(set) var records: [ContextRecord] = []
    /// The serial number the next context gets.
    private(set) var nextSerial = 0
    /// For each right semi-context, how many of its facts the current step holds.
    private var rightMatchCounts: [Int32] = []
    /// The right semi-contexts with a non-zero count.
    private var rightMatched: [Int32] = []
    /// The left semi-contexts all of whose facts the last ``crossLeft(_:)`` held.
    private(set) var leftFullyMatched: [Int32] = []
    /// The number of left semi-contexts at the last ``crossLeft(_:)``: later ones were
    /// not there to be matched.
    private var leftCountAtCrossing = 0

    /// An empty memory.
    init() {}

    /// The memory between two steps with these semi-contexts (sorted, distinct facts, in
    /// order of creation) and contexts, whose indexes are rebuilt.
    init(leftSides: [[Int]], rightSides: [[Int]], records: [ContextRecord], nextSerial: Int, leftFullyMatched: [Int32]) {
        for facts in leftSides { _ = left.findOrAdd(facts, hash: FactListHash.of(facts)) }
        for facts in rightSides { _ = right.findOrAdd(facts, hash: FactListHash.of(facts)) }
        self.records = records
        self.nextSerial = nextSerial
        self.leftFullyMatched = leftFullyMatched
        rightMatchCounts = Array(repeating: 0, count: right.count)
        leftCountAtCrossing = left.count
        rebuildLinks()
    }

    /// Lists each left semi-context's contexts in order of creation, and its whole-step ones.
    private mutating func rebuildLinks() {
        links = Array(repeating: [], count: left.count)
        zeroLevelLinks = Array(repeating: [], count: left.count)
        zeroLevelLefts = []
        for (index, record) in records.enumerated() {
            if record.isZeroLevel { markZeroLevel(record.left, position: links[Int(record.left)].count) }
            links[Int(record.left)].append(ContextLink(right: record.right, context: Int32(index)))
        }
    }

    /// The context joining these facts, created if it is new (as a whole-step context when
    /// `zeroLevel`, which also marks an existing one as such). Facts are sorted.
    mutating func context(left leftFacts: some Collection<Int>, hash leftHash: Int64,
                          right rightFacts: some Collection<Int>, hash rightHash: Int64,
                          zeroLevel: Bool, step: Int) -> (record: Int32, created: Bool) {
        let (leftNumber, addedLeft) = left.findOrAdd(leftFacts, hash: leftHash)
        if addedLeft {
            links.append([])
            zeroLevelLinks.append([])
        }
        let (rightNumber, addedRight) = right.findOrAdd(rightFacts, hash: rightHash)
        if addedRight { rightMatchCounts.append(0) }
        let leftIndex = Int(leftNumber)
        if let position = links[leftIndex].firstIndex(where: { $0.right == rightNumber }) {
            let known = links[leftIndex][position].context
            if zeroLevel && !records[Int(known)].isZeroLevel {
                records[Int(known)].isZeroLevel = true
                markZeroLevel(leftNumber, position: position)
            }
            return (known, false)
        }
        let record = Int32(records.count)
        records.append(ContextRecord(left: leftNumber, right: rightNumber, serial: nextSerial,
                                     isZeroLevel: zeroLevel, lastUsed: step))
        nextSerial += 1
        if zeroLevel { markZeroLevel(leftNumber, position: links[leftIndex].count) }
        links[leftIndex].append(ContextLink(right: rightNumber, context: record))
        return (record, true)
    }

    private mutating func markZeroLevel(_ leftNumber: Int32, position: Int) {
        if zeroLevelLinks[Int(leftNumber)].isEmpty { zeroLevelLefts.append(leftNumber) }
        zeroLevelLinks[Int(leftNumber)].append(Int32(position))
    }

    /// Counts, for every right semi-context, how many of the current value facts (sorted,
    /// distinct) it has.
    mutating func crossRight(_ facts: [Int]) {
        for number in rightMatched { rightMatchCounts[Int(number)] = 0 }
        rightMatched.removeAll(keepingCapacity: true)
        for fact in facts {
            for number in right.containing(fact) {
                if rightMatchCounts[Int(number)] == 0 { rightMatched.append(number) }
                rightMatchCounts[Int(number)] += 1
            }
        }
    }

    /// Finds the left semi-contexts all of whose facts are among a step's facts (sorted,
    /// distinct), for the next step's ``review(_:)`` and for ``predictedFacts()``.
    mutating func crossLeft(_ facts: [Int]) {
        leftFullyMatched = left.subsets(of: facts)
        leftCountAtCrossing = left.count
    }

    /// Rates every context whose left side the previous step fully matched against the
    /// current facts (``crossRight(_:)`` first): its prediction counts grow, and it is
    /// active if its right side fully matched too. On request it also proposes new
    /// contexts: the intersections of whole-step contexts with the two steps' facts.
    mutating func review(_ request: ContextReview.Request) -> ContextReview {
        var review = ContextReview()
        var proposing: [(left: Int32, links: [Int])] = []
        for leftNumber in leftFullyMatched {
            let mayPropose = request.proposing && left.length(leftNumber) <= request.maxProposalLeftLength
            let chosen = rateFullyMatched(leftNumber, mayPropose: mayPropose, request, into: &review)
            if !chosen.isEmpty { proposing.append((leftNumber, chosen)) }
        }
        if request.proposing {
            for leftNumber in zeroLevelLefts where Int(leftNumber) < leftCountAtCrossing {
                let matched = left.matchMask(leftNumber, among: request.previousFacts).nonzeroBitCount
                guard matched > 0, matched <= request.maxProposalLeftLength, matched < left.length(leftNumber) else { continue }
                let chosen = zeroLevelLinks[Int(leftNumber)].map(Int.init).filter { position in
                    let link = links[Int(leftNumber)][position]
                    return records[Int(link.context)].serial != request.excludedSerial && rightMatchCounts[Int(link.right)] > 0
                }
                if !chosen.isEmpty { proposing.append((leftNumber, chosen)) }
            }
        }
        proposing.sort { $0.left < $1.left }
        review.proposals = distinctProposals(proposing, request)
        return review
    }

    /// The proposals of the chosen links, in the reference's order, without repeats and
    /// without the whole step itself. Within a step a proposal is named by which of the
    /// previous and which of the current facts it holds.
    private func distinctProposals(_ proposing: [(left: Int32, links: [Int])], _ request: ContextReview.Request) -> [ContextProposal] {
        let wholeStep = ProposalKey(left: Self.allBits(request.previousFacts.count), right: Self.allBits(request.currentFacts.count))
        var seen: Set<ProposalKey> = [wholeStep]
        var rightMasks: [Int32: UInt64] = [:]
        var proposals: [ContextProposal] = []
        for (leftNumber, chosen) in proposing {
            let leftLinks = links[Int(leftNumber)]
            let leftMask = left.matchMask(leftNumber, among: request.previousFacts)
            var leftSide: (facts: [Int], hash: Int64)?
            for position in Self.iterationOrder(chosen, of: leftLinks) {
                let rightNumber = leftLinks[position].right
                let rightMask = rightMasks[rightNumber] ?? right.matchMask(rightNumber, among: request.currentFacts)
                rightMasks[rightNumber] = rightMask
                guard seen.insert(ProposalKey(left: leftMask, right: rightMask)).inserted else { continue }
                let leftFacts = leftSide ?? Self.side(leftMask, of: request.previousFacts)
                leftSide = leftFacts
                let rightFacts = Self.side(rightMask, of: request.currentFacts)
                proposals.append(ContextProposal(left: leftFacts.facts, leftHash: leftFacts.hash,
                                                 right: rightFacts.facts, rightHash: rightFacts.hash))
            }
        }
        return proposals
    }

    /// A proposal named by the previous facts (bit `i` for `previousFacts[i]`) and the
    /// current facts it holds.
    private struct ProposalKey: Hashable {
        var left: UInt64
        var right: UInt64
    }

    private static func allBits(_ count: Int) -> UInt64 {
        count >= 64 ? ~0 : (1 << count) - 1
    }

    /// The facts a mask picks from `facts`, and their hash.
    private static func side(_ mask: UInt64, of facts: [Int]) -> (facts: [Int], hash: Int64) {
        let picked = facts.indices.filter { mask & (1 << $0) != 0 }.map { facts[$0] }
        return (picked, FactListHash.of(picked))
    }

    /// Rates the contexts of a fully matched left semi-context; returns the positions of
    /// the whole-step ones to propose from (those whose right side only partly matched).
    private mutating func rateFullyMatched(_ leftNumber: Int32, mayPropose: Bool, _ request: ContextReview.Request,
                                           into review: inout ContextReview) -> [Int] {
        var chosen: [Int] = []
        for (position, link) in links[Int(leftNumber)].enumerated() {
            let index = Int(link.context)
            guard records[index].serial != request.excludedSerial else { continue }
            let rightMatched = Int(rightMatchCounts[Int(link.right)])
            let rightLength = right.length(link.right)
            review.selected += 1
            records[index].predicted += rightLength
            records[index].lastUsed = request.step
            guard rightMatched > 0 else { continue }
            records[index].confirmed += rightMatched
            if rightMatched == rightLength {
                records[index].activations += 1
                review.active.append(ActiveContext(record: records[index], leftHash: left.hashes[Int(leftNumber)],
                                                   rightHash: right.hashes[Int(link.right)]))
            } else if records[index].isZeroLevel && mayPropose {
                chosen.append(position)
            }
        }
        return chosen
    }

    /// The chosen link positions in the order the reference visits a left semi-context's contexts.
    private static func iterationOrder(_ chosen: [Int], of links: [ContextLink]) -> [Int] {
        guard chosen.count > 1 else { return chosen }
        let picked = Set(chosen)
        return LegacyDictOrder.iterationOrder(ofKeysInsertedInOrder: links.map(\.right)).filter(picked.contains)
    }

    /// The value facts expected next: the right sides of the best-rated contexts among
    /// those whose left side the last ``crossLeft(_:)`` fully matched. When every such
    /// context is rated 0, all of them count.
    func predictedFacts() -> Set<Int> {
        var best = 0.0
        var rights: Set<Int32> = []
        for leftNumber in leftFullyMatched {
            for link in links[Int(leftNumber)] {
                let weight = records[Int(link.context)].predictionWeight
                if weight > best {
                    best = weight
                    rights = [link.right]
                } else if weight == best {
                    rights.insert(link.right)
                }
            }
        }
        var facts: Set<Int> = []
        for number in rights { facts.formUnion(right.facts(number)) }
        return facts
    }

    /// Forgets all but the `capacity` most recently used contexts (ties: the newer stay),
    /// and the semi-contexts no remaining context uses. Serial numbers and counts of what
    /// remains are kept. Call it between steps, after ``crossLeft(_:)``.
    mutating func evict(keeping capacity: Int) {
        guard records.count > capacity else { return }
        let ranked = records.indices.sorted {
            (records[$0].lastUsed, records[$0].serial) > (records[$1].lastUsed, records[$1].serial)
        }
        var keep = [Bool](repeating: false, count: records.count)
        for index in ranked.prefix(capacity) { keep[index] = true }
        var keepLeft = [Bool](repeating: false, count: left.count)
        var keepRight = [Bool](repeating: false, count: right.count)
        for (index, record) in records.enumerated() where keep[index] {
            keepLeft[Int(record.left)] = true
            keepRight[Int(record.right)] = true
        }
        let (newLeft, leftNumbers) = left.compacted(keeping: keepLeft)
        let (newRight, rightNumbers) = right.compacted(keeping: keepRight)
        left = newLeft
        right = newRight
        records = records.indices.filter { keep[$0] }.map { index in
            var moved = records[index]
            moved.left = leftNumbers[Int(moved.left)]
            moved.right = rightNumbers[Int(moved.right)]
            return moved
        }
        rebuildLinks()
        rightMatchCounts = Array(repeating: 0, count: right.count)
        rightMatched = []
        leftFullyMatched = leftFullyMatched.compactMap { leftNumbers[Int($0)] >= 0 ? leftNumbers[Int($0)] : nil }
        leftCountAtCrossing = left.count
    }
}
