import Foundation
import Testing
import TocsinCore
@testable import TocsinDetect

@Suite("Random cut forest saved state")
struct RandomCutForestStateTests {
    /// A forest past its samplers' capacity (evictions done), with repeated points (leaves
    /// holding several copies), as JSON.
    static func savedForest() throws -> [String: Any] {
        var configuration = RandomCutForest.Configuration(dimensions: 3)
        configuration.trees = 5
        configuration.sampleSize = 16
        var forest = try RandomCutForest(configuration: configuration)
        var random = SeededGenerator(seed: 21)
        for step in 0..<300 { forest.update(step % 4 == 0 ? [1, 2, 3] : (0..<3).map { _ in random.nextGaussian() }) }
        let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(forest))
        return try #require(object as? [String: Any])
    }

    static func decode(_ state: [String: Any]) throws -> RandomCutForest {
        try JSONDecoder().decode(RandomCutForest.self, from: try JSONSerialization.data(withJSONObject: state))
    }

    /// Runs `change` on the part of the state at `key` (a dictionary).
    static func changing(_ state: [String: Any], _ key: String, _ change: (inout [String: Any]) -> Void) -> [String: Any] {
        var state = state
        var part = state[key] as! [String: Any]
        change(&part)
        state[key] = part
        return state
    }

    /// Sets field `field` of element `index` of the array at `key` of `part`.
    static func set(_ part: inout [String: Any], _ key: String, _ index: Int, _ field: String, _ value: Any) {
        var elements = part[key] as! [[String: Any]]
        elements[index][field] = value
        part[key] = elements
    }

    @Test("a saved state decodes as it was, and goes on as the original")
    func soundState() throws {
        let state = try Self.savedForest()
        var decoded = try Self.decode(state)
        #expect(decoded.isConsistent())
        decoded.update([0, 0, 0])
        #expect(decoded.isConsistent())
    }

    @Test("damaged or edited state is refused with a decoding error, never a crash")
    func damagedStates() throws {
        let state = try Self.savedForest()
        let nodes = state["nodes"] as! [String: Any]
        let cuts = nodes["cuts"] as! [[String: Any]]
        let trees = state["trees"] as! [[String: Any]]
        let root = trees[0]["root"] as! Int
        let internalNode = try #require(cuts.indices.first { index in trees.contains { ($0["root"] as! Int) == index } })
        var damaged: [(String, [String: Any])] = []
        damaged.append(("a child outside the pool", Self.changing(state, "nodes") { Self.set(&$0, "cuts", internalNode, "left", 999_999) }))
        damaged.append(("a cycle back to a root", Self.changing(state, "nodes") { Self.set(&$0, "cuts", internalNode, "right", internalNode) }))
        damaged.append(("a cut of a dimension the points lack", Self.changing(state, "nodes") { Self.set(&$0, "cuts", internalNode, "dimension", 7) }))
        damaged.append(("a moved box", Self.changing(state, "nodes") { part in
            var boxes = part["boxes"] as! [Double]
            boxes[6 * internalNode] -= 1
            part["boxes"] = boxes
        }))
        damaged.append(("a leaf's point outside the store", Self.changing(state, "nodes") { Self.set(&$0, "leaves", 0, "point", 999_999) }))
        damaged.append(("a live node on the free list", Self.changing(state, "nodes") { $0["freeCuts"] = [internalNode] }))
        damaged.append(("missing coordinates", Self.changing(state, "store") { part in
            part["coordinates"] = Array((part["coordinates"] as! [Double]).dropLast(3))
        }))
        damaged.append(("a wrong reference count", Self.changing(state, "store") { part in
            var references = part["references"] as! [Int]
            references[0] += 1
            part["references"] = references
        }))
        var wrongMass = state, wrongRoot = state, missingTree = state, otherLeaf = state
        var treeList = trees
        treeList[0]["mass"] = 15
        wrongMass["trees"] = treeList
        treeList = trees
        treeList[0]["root"] = -999_999
        wrongRoot["trees"] = treeList
        missingTree["trees"] = Array(trees.dropLast())
        var samplers = state["samplers"] as! [[String: Any]]
        var entries = samplers[0]["entries"] as! [Int]
        entries[0] = entries.first { $0 != entries[0] }!
        samplers[0]["entries"] = entries
        otherLeaf["samplers"] = samplers
        damaged += [("a tree's mass", wrongMass), ("a root outside the pool", wrongRoot), ("a tree missing", missingTree),
                    ("a sampler naming another leaf", otherLeaf)]
        #expect(root != Int(RandomCutTree.empty))
        for (what, damagedState) in damaged {
            #expect(throws: DecodingError.self, "\(what)") { try Self.decode(damagedState) }
        }
    }
}
