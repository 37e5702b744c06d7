extension IsolationForest {
    /// Which features make `row` anomalous: for each feature, how much the score falls
    /// when that feature alone takes its value in `reference` (typically the training
    /// mean), as shares adding up to 1. Both arrays must have ``featureCount`` values.
    public func attribution(_ row: [Double], reference: [Double]) -> [Double] {
        let full = score(row)
        var probe = row
        let drops = (0..<featureCount).map { feature -> Double in
            probe[feature] = reference[feature]
            defer { probe[feature] = row[feature] }
            return full - score(probe)
        }
        return ColumnShares.normalized(drops)
    }
}
