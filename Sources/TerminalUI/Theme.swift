/// The eight basic terminal colours (−1: the terminal's default).
public enum TerminalColor: Int16, Hashable, Sendable {
    case standard = -1, black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How a style looks: colours and attributes.
public struct Appearance: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(
        _ foreground: TerminalColor = .standard, on background: TerminalColor = .standard, bold: Bool = false,
        reverse: Bool = false, underline: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }
}

/// Maps styles (what a cell means) to appearances. Colour always repeats what the text says (an overdue
/// case also reads "Quá …"), so the monochrome theme loses no information.
public struct Theme: Hashable, Sendable {
    public let name: String
    public let usesColor: Bool
    private let table: [Style: Appearance]

    public func appearance(_ style: Style) -> Appearance { table[style] ?? Appearance() }

    public static let color = Theme(
        name: "color", usesColor: true,
        table: [
            .normal: Appearance(),
            .title: Appearance(.white, on: .blue, bold: true),
            .heading: Appearance(bold: true),
            .label: Appearance(),
            .field: Appearance(underline: true),
            .focused: Appearance(.black, on: .cyan),
            .selected: Appearance(.black, on: .cyan),
            .warning: Appearance(.yellow, bold: true),
            .overdue: Appearance(.red, bold: true),
            .dueToday: Appearance(.yellow),
            .ok: Appearance(.green),
            .disabled: Appearance(dim: true),
            .error: Appearance(.red, bold: true),
            .keyName: Appearance(.black, on: .white, bold: true),
            .keyLabel: Appearance(.white, on: .blue),
            .keyDisabled: Appearance(.black, on: .blue),
            .status: Appearance(bold: true),
            .dim: Appearance(dim: true),
            .frame: Appearance(.cyan)
        ])

    /// For terminals without colours, `NO_COLOR`, or by choice: attributes only.
    public static let monochrome = Theme(
        name: "mono", usesColor: false,
        table: [
            .normal: Appearance(),
            .title: Appearance(reverse: true),
            .heading: Appearance(bold: true),
            .label: Appearance(),
            .field: Appearance(underline: true),
            .focused: Appearance(reverse: true),
            .selected: Appearance(reverse: true),
            .warning: Appearance(bold: true),
            .overdue: Appearance(bold: true, underline: true),
            .dueToday: Appearance(bold: true),
            .ok: Appearance(),
            .disabled: Appearance(dim: true),
            .error: Appearance(bold: true),
            .keyName: Appearance(reverse: true),
            .keyLabel: Appearance(),
            .keyDisabled: Appearance(dim: true),
            .status: Appearance(bold: true),
            .dim: Appearance(dim: true),
            .frame: Appearance()
        ])
}

/// A terminal the application runs on: the curses one, or a test double that records frames.
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// The next event, or nil when nothing happened within `timeoutMilliseconds`.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent?
    /// Shows a frame (a real terminal draws only what changed).
    func draw(_ frame: Frame)
}
