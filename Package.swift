// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Attend",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "attend", targets: ["attend"]),
        .executable(name: "fuzz-lexer", targets: ["fuzz-lexer"]),
        .executable(name: "fuzz-parser", targets: ["fuzz-parser"]),
        .executable(name: "fuzz-interpreter", targets: ["fuzz-interpreter"]),
        .library(name: "Tensor", targets: ["Tensor"]),
        .library(name: "Script", targets: ["Script"]),
        .library(name: "Render", targets: ["Render"]),
        .library(name: "Notebook", targets: ["Notebook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .systemLibrary(
            name: "CNCurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(
            name: "Tensor",
            dependencies: ["CBLAS", "AttentionRows"],
            swiftSettings: hotPathSettings
        ),
        // The row passes of attention's softmax, generic over vector width; built for AVX-512 (see wideSettings).
        .target(
            name: "AttentionRows",
            swiftSettings: wideSettings
        ),
        .target(
            name: "Script",
            dependencies: ["Tensor"],
            swiftSettings: hotPathSettings
        ),
        .target(
            name: "Render",
            dependencies: ["Script", "Tensor"]
        ),
        .target(
            name: "Notebook",
            dependencies: ["Render", "Script", "Tensor"]
        ),
        .target(
            name: "TerminalUI",
            dependencies: ["Notebook", "Render", "Script", "CLibEdit", "CNCurses"]
        ),
        .executableTarget(
            name: "attend",
            dependencies: [
                "TerminalUI",
                "Notebook",
                "Render",
                "Script",
                "Tensor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer targets: see "Fuzzing" in README.md. A normal build makes them replay tools.
        .target(
            name: "Fuzzing",
            dependencies: ["Script", "Tensor"]
        ),
        .executableTarget(name: "fuzz-lexer", dependencies: ["Fuzzing"]),
        .executableTarget(name: "fuzz-parser", dependencies: ["Fuzzing"]),
        .executableTarget(name: "fuzz-interpreter", dependencies: ["Fuzzing"]),
        .target(
            name: "FixtureSupport",
            dependencies: ["Tensor"],
            path: "Tests/FixtureSupport"
        ),
        .testTarget(
            name: "ScriptTests",
            dependencies: ["Script", "Tensor", "FixtureSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RenderTests",
            dependencies: ["Render", "Script", "Tensor"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "NotebookTests",
            dependencies: ["Notebook", "Render", "Script", "Tensor"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["TerminalUI", "Notebook", "Render", "Script"]
        ),
        .testTarget(
            name: "AttendTests",
            dependencies: ["attend"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "FuzzTests",
            dependencies: ["attend"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "AttentionRowsTests",
            dependencies: ["AttentionRows"]
        ),
        .testTarget(
            name: "TensorTests",
            dependencies: ["Tensor", "FixtureSupport"],
            resources: [.copy("Fixtures")]
        ),
    ]
)

// The interpreter and the engine touch class properties on every operation; in release builds the run-time
// exclusivity checks on those accesses cost more than the work itself (a sixth of a Python loop's instructions under
// callgrind). Debug builds, which the tests run, keep the checks, so a violation is still caught there.
// On x86-64, release builds of the engine and the interpreter use Haswell's instructions (AVX2, FMA: x86-64-v3), whose
// 256-bit vectors run attention's softmax twice as wide as the baseline's; `attend` checks the processor first
// (CPUFeatures). Swift does not fuse multiplies and adds on its own, so results are the same bits either way.
var hotPathSettings: [SwiftSetting] {
    var flags = ["-enforce-exclusivity=unchecked"]
    #if arch(x86_64)
    flags += ["-target-cpu", "haswell"]
    #endif
    return [.unsafeFlags(flags, .when(configuration: .release))]
}

// AttentionRows holds the generic row kernels, which the engine specialises at eight lanes under its own flags, and
// their sixteen-lane entry points (WideRows), which the engine calls only where OpenBLAS runs AVX-512 kernels: so on
// x86-64 its release build targets Skylake-AVX512 (the Cephes exponential and the row passes run twice as wide, as
// PyTorch's own AVX-512 kernels do there).
var wideSettings: [SwiftSetting] {
    var flags = ["-enforce-exclusivity=unchecked"]
    #if arch(x86_64)
    flags += ["-target-cpu", "skylake-avx512"]
    #endif
    return [.unsafeFlags(flags, .when(configuration: .release))]
}
