/// One context of the memory: a left semi-context (facts that held before) joined to a
/// right semi-context (facts that held next), with the counts that rate it.
struct ContextRecord: Sendable, Hashable {
    /// The left semi-context's number.
    var left: Int32
    /// The right semi-context's number.
    var right: Int32
    /// The context's permanent number; `neuronFactBase + serial` is the fact that says
    /// the context is active. Numbers are never reused, also after eviction.
    var serial: Int
    /// Facts the context has predicted: the length of its right side, summed over every
    /// step whose left facts fully matched its left side.
    var predicted = 0
    /// Of those, the facts that did occur.
    var confirmed = 0
    /// Steps in which the context fully matched, left and right.
    var activations = 0
    /// Whether the context was ever a whole step (all previous facts, all current facts):
    /// only such contexts spawn partial contexts from their intersections with the input.
    var isZeroLevel: Bool
    /// The last step in which its left side fully matched (or it was created): what the
    /// eviction goes by.
    var lastUsed: Int

    /// The weight of its prediction: the share of predicted facts that occurred.
    var predictionWeight: Double {
        predicted > 0 ? Double(confirmed) / Double(predicted) : 0
    }
}

/// A context as a left semi-context sees it: the right semi-context it joins, and the
/// context's position in the memory.
struct ContextLink: Sendable, Hashable {
    /// The right semi-context's number.
    var right: Int32
    /// The context's position in ``ContextMemory/records``.
    var context: Int32
}
