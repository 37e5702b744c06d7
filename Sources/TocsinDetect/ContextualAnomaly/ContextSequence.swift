/// The learning core of the contextual anomaly detector: one step per value, each
/// turning the value's facts into two shares that make up the anomaly score.
///
/// A step's *facts* are the value's bits plus one fact per context that was active in
/// the previous step. The previous step's facts form left semi-contexts, the current
/// value facts right ones, and every context whose left side held is rated by whether
/// its right side holds now. The memory grows by one whole-step context per unseen
/// step, and then by the intersections of whole-step contexts with the input.
struct ContextSequence: Sendable, Codable {
    /// Added to a context's serial to make the fact that says the context is active; value
    /// facts (see ``ValueFacts``) stay below it.
    static let activeContextFactBase = 1 << 31

    /// The most contexts whose facts carry into the next step.
    let maxActiveContexts: Int
    /// The most left facts a proposed context may have.
    let maxProposalLeftLength: Int
    /// Whether each step also works out ``predictedFacts``.
    let predicts: Bool
    private(set) var memory = ContextMemory()
    /// The previous step's facts, sorted.
    private var previousFacts: [Int] = []
    /// The value facts the memory expects next (empty unless `predicts`).
    private(set) var predictedFacts: Set<Int> = []
    /// Steps taken.
    private(set) var steps = 0

    /// An empty memory.
    init(maxActiveContexts: Int, maxProposalLeftLength: Int, predicts: Bool) {
        self.maxActiveContexts = maxActiveContexts
        self.maxProposalLeftLength = maxProposalLeftLength
        self.predicts = predicts
    }

    private enum CodingKeys: String, CodingKey {
        case maxActiveContexts, maxProposalLeftLength, predicts, memory, previousFacts, predictedFacts, steps
    }

    /// Decodes a saved sequence, refusing limits no configuration gives and facts out of order.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        maxActiveContexts = try container.decode(Int.self, forKey: .maxActiveContexts)
        maxProposalLeftLength = try container.decode(Int.self, forKey: .maxProposalLeftLength)
        predicts = try container.decode(Bool.self, forKey: .predicts)
        memory = try container.decode(ContextMemory.self, forKey: .memory)
        previousFacts = try container.decode([Int].self, forKey: .previousFacts)
        predictedFacts = try container.decode(Set<Int>.self, forKey: .predictedFacts)
        steps = try container.decode(Int.self, forKey: .steps)
        guard (1...1_000_000).contains(maxActiveContexts), maxProposalLeftLength >= 1, steps >= 0,
              zip(previousFacts, previousFacts.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw container.unsound("context sequence", "limits \(maxActiveContexts) and \(maxProposalLeftLength), \(steps) steps, or facts out of order")
        }
    }

    /// What a step found.
    struct Outcome: Sendable {
        /// The share of the contexts selected by the previous step that the current value
        /// confirmed: high when the step was foreseen.
        var confirmedShare: Double
        /// The share of the candidate new contexts that were really new: high when the
        /// step was unlike anything seen.
        var novelShare: Double
    }

    /// Learns a step whose value facts are `facts` (sorted, distinct).
    mutating func step(_ facts: [Int]) -> Outcome {
        steps += 1
        var newWholeStep: Int32?
        if !previousFacts.isEmpty, !facts.isEmpty {
            let leftHash = FactListHash.of(previousFacts)
            let rightHash = FactListHash.of(facts)
            let (record, created) = memory.context(left: previousFacts, hash: leftHash, right: facts, hash: rightHash,
                                                   zeroLevel: true, step: steps)
            if created { newWholeStep = record }
        }
        memory.crossRight(facts)
        let review = memory.review(ContextReview.Request(
            previousFacts: previousFacts, currentFacts: facts,
            excludedSerial: newWholeStep.map { memory.records[Int($0)].serial } ?? 0,
            proposing: newWholeStep != nil, maxProposalLeftLength: maxProposalLeftLength, step: steps))
        let active = ActiveContext.largest(maxActiveContexts, of: review.active).map { Self.activeContextFactBase + $0.serial }
        previousFacts = facts + active.sorted()

        var novel = newWholeStep == nil ? 0 : 1
        for proposal in review.proposals {
            let (_, created) = memory.context(left: proposal.left, hash: proposal.leftHash, right: proposal.right,
                                              hash: proposal.rightHash, zeroLevel: false, step: steps)
            if created { novel += 1 }
        }
        memory.crossLeft(previousFacts)
        if predicts { predictedFacts = memory.predictedFacts() }
        return Outcome(
            confirmedShare: review.selected > 0 ? Double(review.active.count) / Double(review.selected) : 0,
            novelShare: newWholeStep != nil ? Double(novel) / Double(review.proposals.count + 1) : 0)
    }

    /// Forgets all but the `capacity` most recently used contexts (see ``ContextMemory/evict(keeping:)``).
    mutating func evict(keeping capacity: Int) {
        memory.evict(keeping: capacity)
    }
}
