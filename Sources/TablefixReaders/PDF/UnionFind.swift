/// Sets of the indices 0..<count that `join` merges; `root` names each set by one member
/// (paths halved as they are walked).
struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    /// The member that names the set holding `index`.
    mutating func root(_ index: Int) -> Int {
        var index = index
        while parent[index] != index {
            parent[index] = parent[parent[index]]
            index = parent[index]
        }
        return index
    }

    /// Puts `first` and `second` in one set.
    mutating func join(_ first: Int, _ second: Int) {
        parent[root(first)] = root(second)
    }
}
