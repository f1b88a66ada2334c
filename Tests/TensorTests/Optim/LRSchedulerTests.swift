import XCTest
@testable import Tensor

final class LRSchedulerTests: XCTestCase {
    /// Two groups as the fixture makes them: lr 0.1, and an int lr 1 (0.5 for the lambda cases); default 0.01.
    private func optimizer(intRate: Bool) throws -> SGD {
        let a = try Tensor.parameter(try Tensor.zeros([2]))
        let b = try Tensor.parameter(try Tensor.zeros([3]))
        return try SGD(groups: [ParamGroup(params: [a], options: [("lr", 0.1)]),
                                ParamGroup(params: [b], options: [("lr", intRate ? 1 : 0.5)])], lr: 0.01)
    }

    func testRatesOverThirtyStepsMatchPyTorchExactly() throws {
        for testCase in try OptimFixture.load()["schedulers"].array {
            let name = testCase["name"].string
            let optimizer = try optimizer(intRate: !name.hasPrefix("lambda"))
            let schedulers = try testCase["schedulers"].array.map {
                try OptimFixture.scheduler($0, optimizer: optimizer)
            }
            for step in 0...30 {
                if step > 0 {
                    try optimizer.step()
                    for scheduler in schedulers { try scheduler.step() }
                }
                for (index, scheduler) in schedulers.enumerated() {
                    OptimFixture.assertNumbers(scheduler.getLastLR(), testCase["lrs"].array[step].array[index],
                                               "\(name) step \(step)")
                    XCTAssertEqual(scheduler.lastEpoch, testCase["epochs"].array[step].array[index].int, name)
                }
            }
            XCTAssertEqual(optimizer.description, testCase["repr"].string, name)

            guard !testCase["closed"].isNull, let spec = testCase["schedulers"].array.first else { continue }
            let single = try SGD(groups: [ParamGroup(params: [try Tensor.parameter(try Tensor.zeros([2]))],
                                                     options: [("lr", 0.1)])], lr: 0.01)
            let scheduler = try OptimFixture.scheduler(spec, optimizer: single)
            for (epoch, expected) in zip(testCase["closed_epochs"].ints, testCase["closed"].array) {
                try scheduler.step(epoch: epoch)
                OptimFixture.assertNumbers(scheduler.getLastLR(), expected, "\(name) closed form at \(epoch)")
            }
        }
    }

    func testConstructionRecordsInitialRatesAndSteps() throws {
        let optimizer = try optimizer(intRate: false)
        let scheduler = try StepLR(optimizer, stepSize: 2, gamma: 0.5)
        XCTAssertEqual(scheduler.lastEpoch, 0)
        XCTAssertEqual(scheduler.stepCount, 1)
        XCTAssertEqual(scheduler.baseLRs, [0.1, 0.5])
        XCTAssertEqual(optimizer.paramGroups.map { $0["initial_lr"] }, [0.1, 0.5])
        // A second scheduler keeps the first one's initial rates (setdefault), and both act on the same groups.
        optimizer.paramGroups[0]["lr"] = 0.2
        let chained = try ExponentialLR(optimizer, gamma: 0.5)
        XCTAssertEqual(chained.baseLRs, [0.1, 0.5])
        try chained.step()
        XCTAssertEqual(optimizer.paramGroups.map { $0["lr"] }, [0.1, 0.25])
        // Resuming needs initial_lr, which the groups now have.
        let resumed = try StepLR(optimizer, stepSize: 3, lastEpoch: 5)
        XCTAssertEqual(resumed.lastEpoch, 6)
    }

    func testExtremeEpochsNeverTrap() throws {
        let optimizer = try optimizer(intRate: true)
        _ = try StepLR(optimizer, stepSize: 3)
        for scheduler in [try StepLR(optimizer, stepSize: 3, gamma: 2, lastEpoch: Int.max - 1),
                          try ExponentialLR(optimizer, gamma: 1, lastEpoch: Int.max - 1),
                          try CosineAnnealingLR(optimizer, tMax: Int.max, lastEpoch: Int.max - 1),
                          try LinearLR(optimizer, totalIters: Int.max, lastEpoch: Int.max - 1)] as [LRScheduler] {
            try scheduler.step()
            try scheduler.step(epoch: Int.max)
        }
    }

    func testLambdaErrorsPropagateFromStep() throws {
        struct Raised: Error {}
        let optimizer = try optimizer(intRate: false)
        let scheduler = try LambdaLR(optimizer, lrLambda: { epoch in
            if epoch == 2 { throw Raised() }
            return 1
        })
        try scheduler.step()
        XCTAssertThrowsError(try scheduler.step()) { XCTAssertTrue($0 is Raised) }
    }

    func testGroupAddedAfterConstructionFailsWhereBaseRatesAreUsed() throws {
        // PyTorch's strict zip refuses the extra group only in the steps whose formula reads the base rates; the
        // failed step still advances the epoch.
        let p = try Tensor.parameter(try Tensor.zeros([1]))
        let optimizer = try SGD([p], lr: 0.1)
        let scheduler = try CosineAnnealingLR(optimizer, tMax: 4)
        try optimizer.addParamGroup(ParamGroup(params: [try Tensor.parameter(try Tensor.zeros([1]))]))
        let expected: [Double?] = [0.08535533905932738, 0.05, 0.014644660940672627, 0.0, nil, 0.0, 0.0, 0.0]
        for rate in expected {
            guard let rate else {
                XCTAssertThrowsError(try scheduler.step()) {
                    XCTAssertEqual(($0 as? OptimizerError)?.message, "zip() argument 2 is longer than argument 1")
                    XCTAssertEqual(($0 as? OptimizerError)?.kind, .valueError)
                }
                continue
            }
            try scheduler.step()
            XCTAssertEqual(scheduler.getLastLR(), [.float(rate), .float(rate)])
        }
    }

    func testPythonArithmetic() throws {
        XCTAssertEqual(PythonArithmetic.multiply(.int(3), .int(4)), .int(12))
        XCTAssertEqual(PythonArithmetic.multiply(.int(3), .float(0.5)), .float(1.5))
        XCTAssertEqual(PythonArithmetic.power(.int(2), 3), .int(8))
        XCTAssertEqual(PythonArithmetic.power(.int(2), -1), .float(0.5))
        XCTAssertEqual(PythonArithmetic.power(.int(-1), 1_000_000_001), .int(-1))
        XCTAssertEqual(PythonArithmetic.power(.int(2), 62), .int(1 << 62))
        XCTAssertEqual(PythonArithmetic.power(.int(2), 64), .float(18446744073709551616))
        XCTAssertEqual(try PythonArithmetic.modulo(-7, 3, source: ""), 2)
        XCTAssertEqual(try PythonArithmetic.modulo(7, -3, source: ""), -2)
        XCTAssertEqual(try PythonArithmetic.floorDivide(-7, 2, source: ""), -4)
        XCTAssertEqual(try PythonArithmetic.floorDivide(Int.min, -1, source: ""), Int.min, "wraps, never traps")
        XCTAssertThrowsError(try PythonArithmetic.divide(.int(1), .int(0), source: "")) {
            XCTAssertEqual(($0 as? OptimizerError)?.message, "division by zero")
        }
        XCTAssertThrowsError(try PythonArithmetic.divide(.float(1), .int(0), source: "")) {
            XCTAssertEqual(($0 as? OptimizerError)?.message, "float division by zero")
        }
    }
}
