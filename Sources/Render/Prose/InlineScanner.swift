/// The text of one inline Markdown run (a paragraph, a heading, a cell) and the look-aheads its parser makes from an
/// opening mark to its closer: the next backtick run of a length, a link's `]`, an emphasis closer, a math `$`, a
/// fixed string. Each is remembered for the text, so a line of 200,000 openers without closers is read a bounded
/// number of times rather than once per opener.
///
/// The scans that can fail are pure functions of where they start, and a scan that fails has also failed from every
/// position it passed through: a later scan that reaches one of those positions stops there.
final class InlineScanner {
    /// The text.
    let chars: [Character]
    /// Start of every backtick run, by run length, in order.
    private lazy var codeRuns: [Int: [Int]] = {
        var runs: [Int: [Int]] = [:]
        var i = 0
        while i < chars.count {
            if chars[i] == "`" {
                let run = runLength(at: i)
                runs[run, default: []].append(i)
                i += run
            } else {
                i += 1
            }
        }
        return runs
    }()
    /// Where each fixed string occurs, in order, built when first asked for.
    private var occurrences: [[Character]: [Int]] = [:]
    /// The `]` closing each `[` a link scan has passed, or nil when none does.
    private var linkCloses: [Int: Int?] = [:]
    /// Positions from which a scan for an emphasis closer (by mark and length) found none.
    private var emphasisFailures: [EmphasisKey: [Bool]] = [:]
    /// Positions from which a scan for a closing `$` found none.
    private lazy var mathFailures = [Bool](repeating: false, count: chars.count + 1)
    /// What a bare link destination's end depends on, built when first asked for.
    private lazy var destinations = DestinationIndex(chars)

    /// Where bare link destinations stop: whitespace, and a `)` that closes no `(` of the destination itself
    /// (`\` before punctuation escapes it). Parentheses are counted once over the whole text: a destination starting
    /// at `start` stops at the first `)` whose depth there equals the depth at `start`.
    private struct DestinationIndex {
        var whitespace: [Int] = []
        /// Unescaped `(` less unescaped `)` before each position.
        var depth: [Int]
        /// Unescaped `)` positions by the depth before them.
        var closers: [Int: [Int]] = [:]

        init(_ chars: [Character]) {
            depth = [Int](repeating: 0, count: chars.count + 1)
            var level = 0
            var i = 0
            while i < chars.count {
                depth[i] = level
                let c = chars[i]
                if c.isWhitespace { whitespace.append(i) }
                if c == "\\" && i + 1 < chars.count && chars[i + 1].isPunctuation {
                    depth[i + 1] = level
                    i += 2
                    continue
                }
                if c == "(" { level += 1 }
                if c == ")" {
                    closers[level, default: []].append(i)
                    level -= 1
                }
                i += 1
            }
            depth[chars.count] = level
        }
    }

    private struct EmphasisKey: Hashable {
        var mark: Character
        var length: Int
    }

    init(_ chars: [Character]) {
        self.chars = chars
    }

    /// The length of the run of `chars[index]` starting at `index`.
    func runLength(at index: Int) -> Int {
        var end = index
        while end < chars.count && chars[end] == chars[index] { end += 1 }
        return end - index
    }

    /// The start of the first run of exactly `length` backticks at or after `start`.
    func codeRun(length: Int, from start: Int) -> Int? {
        guard let starts = codeRuns[length] else { return nil }
        return Self.firstAtOrAfter(start, in: starts)
    }

    /// The index where `pattern` next occurs at or after `start`.
    func next(_ pattern: [Character], from start: Int) -> Int? {
        guard !pattern.isEmpty else { return nil }
        if occurrences[pattern] == nil {
            var found: [Int] = []
            var i = 0
            while i + pattern.count <= chars.count {
                if chars[i] == pattern[0] && chars[i..<(i + pattern.count)].elementsEqual(pattern) { found.append(i) }
                i += 1
            }
            occurrences[pattern] = found
        }
        return Self.firstAtOrAfter(start, in: occurrences[pattern] ?? [])
    }

    /// Where a bare link destination starting at `start` ends: at whitespace, at a `)` it did not open, or at the
    /// end of the text.
    func destinationEnd(from start: Int) -> Int {
        guard start < chars.count else { return chars.count }
        let index = destinations
        let space = Self.firstAtOrAfter(start, in: index.whitespace) ?? chars.count
        let closer = index.closers[index.depth[start]].flatMap { Self.firstAtOrAfter(start, in: $0) } ?? chars.count
        return min(space, closer)
    }

    /// The `]` matching the `[` at `index`: brackets nest, escaped ones and those inside code spans do not count.
    func linkClose(at index: Int) -> Int? {
        if let known = linkCloses[index] { return known }
        // One pass matches every `[` it meets with a stack; one left open has no close, nor has any `[` below it.
        var open: [Int] = []
        var i = index
        while i < chars.count {
            if let after = skippingEscapeOrCodeSpan(at: i) {
                i = after
                continue
            }
            let c = chars[i]
            if c == "[" {
                if let known = linkCloses[i] {
                    guard let close = known else { break }
                    i = close + 1
                    continue
                }
                open.append(i)
            } else if c == "]", let opener = open.popLast() {
                linkCloses[opener] = close(i)
                if open.isEmpty { return i }
            }
            i += 1
        }
        for opener in open { linkCloses[opener] = close(nil) }
        return nil
    }

    /// A dictionary value for `linkCloses` (a nil close stored as a value, not as a removal).
    private func close(_ index: Int?) -> Int?? { .some(index) }

    /// A closing run of exactly `length` marks after a non-space (for `_`, not followed by a letter or digit), at
    /// or after `start` but not at it; code spans and escapes are skipped.
    func emphasisCloser(of mark: Character, length: Int, from start: Int) -> Int? {
        let key = EmphasisKey(mark: mark, length: length)
        var failures = emphasisFailures.removeValue(forKey: key)
            ?? [Bool](repeating: false, count: chars.count + 1)
        defer { emphasisFailures[key] = failures }
        var passed: [Int] = []
        var i = start
        while i < chars.count && !failures[i] {
            // Positions after `start` only: a closer right at a later scan's start is refused by that scan alone.
            if i > start { passed.append(i) }
            if let after = skippingEscapeOrCodeSpan(at: i) {
                i = after
                continue
            }
            let c = chars[i]
            if c == "`" {
                i += runLength(at: i)
                continue
            }
            if c == mark {
                let run = runLength(at: i)
                let flanking = i > start && !chars[i - 1].isWhitespace
                let next = i + run < chars.count ? chars[i + run] : " "
                let wordFollows = mark == "_" && (next.isLetter || next.isNumber)
                if run == length && flanking && !wordFollows { return i }
                i += run
                continue
            }
            i += 1
        }
        for position in passed { failures[position] = true }
        return nil
    }

    /// The closing `$` of single-dollar math opened at `index`: after a non-space and not before a digit;
    /// escapes are skipped.
    func mathClose(openedAt index: Int) -> Int? {
        var passed: [Int] = []
        var i = index + 1
        while i < chars.count && !mathFailures[i] {
            passed.append(i)
            if chars[i] == "\\" {
                i += 2
                continue
            }
            if chars[i] == "$" {
                let afterIsDigit = i + 1 < chars.count && chars[i + 1].isNumber
                if !chars[i - 1].isWhitespace && !afterIsDigit { return i }
            }
            i += 1
        }
        for position in passed { mathFailures[position] = true }
        return nil
    }

    /// The index after an escape (`\\` and the character after it) or a closed code span at `index`; nil when
    /// neither starts there.
    private func skippingEscapeOrCodeSpan(at index: Int) -> Int? {
        if chars[index] == "\\" { return index + 2 }
        guard chars[index] == "`" else { return nil }
        let run = runLength(at: index)
        return codeRun(length: run, from: index + run).map { $0 + run }
    }

    /// The first of the ascending `positions` at or after `start`.
    private static func firstAtOrAfter(_ start: Int, in positions: [Int]) -> Int? {
        var low = 0
        var high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] < start { low = middle + 1 } else { high = middle }
        }
        return low < positions.count ? positions[low] : nil
    }
}
