/// What reviewing the contexts against a step's facts found (see ``ContextMemory/review(_:)``).
struct ContextReview: Sendable {
    /// What the review needs to know about the step.
    struct Request: Sendable {
        /// The previous step's facts (sorted): value bits and active contexts.
        var previousFacts: [Int]
        /// The current step's value facts (sorted).
        var currentFacts: [Int]
        /// The serial of the context to leave out: the one this step just created, or 0
        /// when it created none (a quirk of the reference kept for identical scores).
        var excludedSerial: Int
        /// Whether to propose new contexts (only when this step created a whole-step context).
        var proposing: Bool
        /// The most left facts a proposed context may have.
        var maxProposalLeftLength: Int
        /// The step number, recorded as the reviewed contexts' last use.
        var step: Int
    }

    /// Contexts whose left side fully matched the previous step.
    var selected = 0
    /// Those whose right side fully matched the current step too.
    var active: [ActiveContext] = []
    /// The candidate new contexts other than the whole step, in the reference's order and
    /// without repeats; some may already exist.
    var proposals: [ContextProposal] = []
}

/// A context that fully matched, with what ranks it among the active ones.
struct ActiveContext: Sendable, Comparable {
    /// Its serial, which names its fact.
    var serial: Int
    /// How often it has been active, this step included.
    var activations: Int
    /// The hashes of its two sides, which break ties as in the reference.
    var leftHash: Int64
    var rightHash: Int64

    init(record: ContextRecord, leftHash: Int64, rightHash: Int64) {
        serial = record.serial
        activations = record.activations
        self.leftHash = leftHash
        self.rightHash = rightHash
    }

    static func < (lhs: ActiveContext, rhs: ActiveContext) -> Bool {
        (lhs.activations, lhs.leftHash, lhs.rightHash) < (rhs.activations, rhs.leftHash, rhs.rightHash)
    }

    /// The `count` greatest of `contexts`, in ascending order.
    static func largest(_ count: Int, of contexts: [ActiveContext]) -> [ActiveContext] {
        var best: [ActiveContext] = []
        best.reserveCapacity(count + 1)
        for context in contexts where best.count < count || best[0] < context {
            let position = best.firstIndex { context < $0 } ?? best.count
            best.insert(context, at: position)
            if best.count > count { best.removeFirst() }
        }
        return best
    }
}

/// A context proposed from the intersection of a whole-step context with the input.
struct ContextProposal: Sendable, Hashable {
    /// The left facts, sorted, and their hash.
    var left: [Int]
    var leftHash: Int64
    /// The right facts, sorted, and their hash.
    var right: [Int]
    var rightHash: Int64
}
