extension FilterExpression {
    /// The AND of `operands`, with operands that are themselves ANDs spliced in: `nil` for no
    /// operand, the operand itself for one.
    static func conjunction(_ operands: [FilterExpression]) -> FilterExpression? {
        var flat: [FilterExpression] = []
        for operand in operands {
            if case .and(let inner) = operand { flat.append(contentsOf: inner) } else { flat.append(operand) }
        }
        return flat.count <= 1 ? flat.first : .and(flat)
    }

    /// The OR of `operands`, with operands that are themselves ORs spliced in: `nil` for no
    /// operand, the operand itself for one.
    static func disjunction(_ operands: [FilterExpression]) -> FilterExpression? {
        var flat: [FilterExpression] = []
        for operand in operands {
            if case .or(let inner) = operand { flat.append(contentsOf: inner) } else { flat.append(operand) }
        }
        return flat.count <= 1 ? flat.first : .or(flat)
    }
}
