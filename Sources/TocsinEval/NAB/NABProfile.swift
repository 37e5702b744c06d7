import Foundation

/// One NAB cost profile: how much a detected window, a false positive and a missed window
/// weigh in the score (`A_TP`, `A_FP`, `A_FN` in the NAB paper).
public struct NABProfile: Sendable, Hashable {
    /// The profile's name, for example `standard`.
    public let name: String
    /// `A_TP`: the value of detecting a window at its very first row.
    public let truePositiveWeight: Double
    /// `A_FP`: the cost of a false positive far from any window.
    public let falsePositiveWeight: Double
    /// `A_FN`: the cost of a window with no detection.
    public let falseNegativeWeight: Double

    /// Creates a profile from its three weights.
    public init(name: String, truePositiveWeight: Double, falsePositiveWeight: Double, falseNegativeWeight: Double) {
        self.name = name
        self.truePositiveWeight = truePositiveWeight
        self.falsePositiveWeight = falsePositiveWeight
        self.falseNegativeWeight = falseNegativeWeight
    }

    /// NAB's `standard` profile: A_TP 1, A_FP 0.11, A_FN 1.
    public static let standard = NABProfile(
        name: "standard", truePositiveWeight: 1.0, falsePositiveWeight: 0.11, falseNegativeWeight: 1.0)
    /// NAB's `reward_low_FP_rate` profile: A_TP 1, A_FP 0.22, A_FN 1.
    public static let rewardLowFPRate = NABProfile(
        name: "reward_low_FP_rate", truePositiveWeight: 1.0, falsePositiveWeight: 0.22, falseNegativeWeight: 1.0)
    /// NAB's `reward_low_FN_rate` profile: A_TP 1, A_FP 0.11, A_FN 2.
    public static let rewardLowFNRate = NABProfile(
        name: "reward_low_FN_rate", truePositiveWeight: 1.0, falsePositiveWeight: 0.11, falseNegativeWeight: 2.0)

    /// The three NAB profiles in their usual order: standard, reward_low_FP_rate, reward_low_FN_rate.
    public static let defaults: [NABProfile] = [standard, rewardLowFPRate, rewardLowFNRate]

    /// The profiles of the NAB corpus at `root`, read from `config/profiles.json` when that file
    /// exists, else ``defaults``.
    public static func load(root: String) throws(NABError) -> [NABProfile] {
        let path = root + "/config/profiles.json"
        guard FileSystem.isFile(path) else { return defaults }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(path: path)
        } catch {
            throw NABError(file: path, reason: error.reason)
        }
        return try parse(json: bytes, file: path)
    }

    /// Parses a profiles file of the form
    /// `{"standard": {"CostMatrix": {"tpWeight": 1.0, "fpWeight": 0.11, "fnWeight": 1.0}}, ...}`.
    ///
    /// NAB's three profiles come first in their usual order, any others follow sorted by name.
    /// `file` only names the text in errors.
    public static func parse(json: [UInt8], file: String) throws(NABError) -> [NABProfile] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json)),
              let entries = object as? [String: Any]
        else {
            throw NABError(file: file, reason: "is not a JSON object of profiles")
        }
        guard !entries.isEmpty else {
            throw NABError(file: file, reason: "defines no profiles")
        }
        let usualOrder = defaults.map(\.name)
        let names = entries.keys.sorted { left, right in
            (usualOrder.firstIndex(of: left) ?? usualOrder.count, left)
                < (usualOrder.firstIndex(of: right) ?? usualOrder.count, right)
        }
        var profiles: [NABProfile] = []
        for name in names {
            guard let entry = entries[name] as? [String: Any], let costs = entry["CostMatrix"] as? [String: Any] else {
                throw NABError(file: file, reason: "profile \"\(name)\" has no \"CostMatrix\" object")
            }
            func weight(_ key: String) throws(NABError) -> Double {
                guard let number = costs[key] as? NSNumber, number.doubleValue.isFinite else {
                    throw NABError(file: file, reason: "profile \"\(name)\": \"CostMatrix\" has no numeric \"\(key)\"")
                }
                return number.doubleValue
            }
            profiles.append(NABProfile(
                name: name,
                truePositiveWeight: try weight("tpWeight"),
                falsePositiveWeight: try weight("fpWeight"),
                falseNegativeWeight: try weight("fnWeight")))
        }
        return profiles
    }
}
