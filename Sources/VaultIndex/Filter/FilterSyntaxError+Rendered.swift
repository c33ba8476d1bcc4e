extension FilterSyntaxError {
    /// The widest stretch of a source line that ``rendered`` prints; longer lines are cut to a
    /// window around the fault, with `…` marking the cuts.
    static let renderedLineWidth = 100

    /// The source line holding the fault with a caret line under it, then the message:
    ///
    /// ```
    /// tags = python AND (model = gpt-4o
    ///                   ^ unbalanced parenthesis: `(` at 18 is never closed
    /// ```
    ///
    /// Only the line that holds `position` is printed (filters may span lines), cut to a window
    /// around the fault when it is long. A tab before the fault is repeated in the caret line so
    /// that the caret stays aligned; every other character counts one column. For the array form a
    /// first line names the element (`in filter element [1, 0]:`).
    public var rendered: String {
        let characters = Array(source)
        let position = min(max(0, self.position), characters.count)

        // The line that holds the fault.
        var lineStart = position
        while lineStart > 0, !characters[lineStart - 1].isNewline { lineStart -= 1 }
        var lineEnd = position
        while lineEnd < characters.count, !characters[lineEnd].isNewline { lineEnd += 1 }

        // A window of that line around the fault.
        let width = Self.renderedLineWidth
        var windowStart = lineStart
        var windowEnd = lineEnd
        if windowEnd - windowStart > width {
            windowStart = max(lineStart, position - width / 2)
            windowEnd = min(lineEnd, windowStart + width)
            windowStart = max(lineStart, min(windowStart, windowEnd - width))
        }
        let leftCut = windowStart > lineStart
        let rightCut = windowEnd < lineEnd

        var line = leftCut ? "…" : ""
        var pad = leftCut ? " " : ""
        line += String(characters[windowStart..<windowEnd])
        for character in characters[windowStart..<position] { pad += character == "\t" ? "\t" : " " }
        if rightCut { line += "…" }

        let carets = max(1, min(length, windowEnd - position))
        let header = elementPath.isEmpty ? "" : "in filter element \(elementPath):\n"
        return header + line + "\n" + pad + String(repeating: "^", count: carets) + " " + message
    }
}
