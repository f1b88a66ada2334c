import XCTest
@testable import Tensor

final class OptimizerTests: XCTestCase {
    /// A leaf with `values`' elements laid out as the fixture's layout: contiguous, or transposed storage.
    private func leaf(_ values: Tensor, layout: String) throws -> Tensor {
        let data = layout == "transposed" ? try values.t().contiguous().t() : try values.clone()
        return try data.detach().requiresGrad_()
    }

    func testSingleStepsMatchPyTorchElementByElement() throws {
        let fixture = try OptimFixture.load()
        for group in fixture["single_step"].array {
            let layout = group["layout"].string
            let start = try OptimFixture.tensor(group["start"])
            let grads = try group["grads"].array.map(OptimFixture.tensor)
            for testCase in group["cases"].array {
                let label = "\(testCase["name"].string) \(group["dtype"].string) \(layout)"
                let param = try leaf(start, layout: layout)
                XCTAssertEqual(param.isContiguous, layout == "contiguous", label)
                let optimizer = try OptimFixture.optimizer(
                    testCase["optimizer"].string, kwargs: testCase["kwargs"], groups: [ParamGroup(params: [param])])
                // SGD has no square root and must agree bit for bit. Adam's denominators use a correctly rounded
                // square root where PyTorch's MKL one is sometimes one ulp off, so a few ulps are allowed.
                let allowed: Int64 = testCase["optimizer"].string == "SGD" ? 0 : 4
                for (step, grad) in grads.enumerated() {
                    param.grad = try leaf(grad, layout: layout).detach()
                    try optimizer.step()
                    let expected = testCase["steps"].array[step]
                    XCTAssertEqual(param.shape, expected["shape"].ints, label)
                    let worst = zip(param.doubles, try OptimFixture.tensor(expected).doubles)
                        .map { OptimFixture.ulps($0, $1, dtype: param.dtype) }.max() ?? 0
                    XCTAssertLessThanOrEqual(worst, allowed, "\(label) step \(step): \(worst) ulps")
                }
                if !testCase["state_dict"].isNull {
                    // The moments never see a square root: unless an L2 decay feeds the parameters back into the
                    // gradient, they must agree bit for bit.
                    let decay = testCase["kwargs"]["weight_decay"].doubleValue ?? 0
                    let l2 = testCase["optimizer"].string == "Adam" && decay != 0
                    try assertStateDict(optimizer.stateDict(), equals: testCase["state_dict"],
                                        allowedUlps: l2 ? allowed : 0, label)
                }
            }
        }
    }

    /// Compares a state dict with the fixture's: state order, keys and tensors; group keys, order and values.
    private func assertStateDict(
        _ actual: OptimizerStateDict, equals expected: FixtureValue, allowedUlps: Int64, _ label: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let expectedState = expected["state"].array
        XCTAssertEqual(actual.state.map(\.index), expectedState.map(\.["index"].int), label, file: file, line: line)
        for (entry, wanted) in zip(actual.state, expectedState) {
            let wantedEntries = wanted["entries"].array
            XCTAssertEqual(entry.state.entries.map(\.key), wantedEntries.map(\.["key"].string), label,
                           file: file, line: line)
            for ((key, tensor), wantedEntry) in zip(entry.state.entries, wantedEntries) {
                let wantedTensor = try OptimFixture.tensor(wantedEntry["tensor"])
                XCTAssertEqual(tensor.dtype, wantedTensor.dtype, "\(label) \(key)", file: file, line: line)
                XCTAssertEqual(tensor.shape, wantedTensor.shape, "\(label) \(key)", file: file, line: line)
                let worst = zip(tensor.doubles, wantedTensor.doubles)
                    .map { OptimFixture.ulps($0, $1, dtype: tensor.dtype) }.max() ?? 0
                XCTAssertLessThanOrEqual(worst, allowedUlps, "\(label) \(key): \(worst) ulps", file: file, line: line)
            }
        }
        let expectedGroups = expected["param_groups"].array
        XCTAssertEqual(actual.paramGroups.count, expectedGroups.count, label, file: file, line: line)
        for (group, wanted) in zip(actual.paramGroups, expectedGroups) {
            XCTAssertEqual(group.map(\.key), wanted.array.map(\.["key"].string), label, file: file, line: line)
            for ((key, value), wantedEntry) in zip(group, wanted.array) {
                XCTAssertEqual(value, OptimFixture.optionValue(wantedEntry["value"], tuple: wantedEntry["tuple"].bool),
                               "\(label) option \(key)", file: file, line: line)
            }
        }
    }

    func testStateDictLayoutAndLoadingThenContinuing() throws {
        let fixture = try OptimFixture.load()["state_dict"]
        let starts = try fixture["start"].array.map(OptimFixture.tensor)
        let grads = try fixture["grads"].array.map { try $0.array.map(OptimFixture.tensor) }
        let params = try starts.map { try $0.clone().requiresGrad_() }
        let optimizer = try Adam(groups: [
            ParamGroup(params: [params[0], params[1]], options: [("amsgrad", true)]),
            ParamGroup(params: [params[2]], options: [("lr", 0.1)]),
        ], lr: 0.01)
        for step in 0..<3 {
            params[0].grad = grads[step][0]
            params[1].grad = grads[step][1]
            params[2].grad = step > 0 ? grads[step][2] : nil
            try optimizer.step()
        }
        try assertStateDict(optimizer.stateDict(), equals: fixture["state_dict"], allowedUlps: 4, "after three")
        for (param, wanted) in zip(params, fixture["after_three"].array) {
            try OptimFixture.assertTensor(param, wanted, rtol: 1e-6, atol: 1e-7)
        }

        // A fresh optimizer loads the state (ours, and PyTorch's as the fixture stores it) and continues like the
        // original does. Loading shares the saved tensors, as in PyTorch, so ours is cloned first: otherwise both
        // optimizers would advance the same moments.
        let fromOurs = try params.map { try $0.detach().clone().requiresGrad_() }
        let fromTorch = try params.map { try $0.detach().clone().requiresGrad_() }
        let saved = optimizer.stateDict()
        let sharing = try Adam(groups: [ParamGroup(params: [fromOurs[0], fromOurs[1]]),
                                        ParamGroup(params: [fromOurs[2]])])
        try sharing.loadStateDict(saved)
        XCTAssertTrue(sharing.state(for: fromOurs[0])?["exp_avg"] === optimizer.state(for: params[0])?["exp_avg"])
        XCTAssertTrue(sharing.state(for: fromOurs[2])?["step"] === optimizer.state(for: params[2])?["step"])
        XCTAssertTrue(saved.state[0].state["exp_avg"] === optimizer.state(for: params[0])?["exp_avg"])
        let restoredOurs = try Adam(groups: [ParamGroup(params: [fromOurs[0], fromOurs[1]]),
                                             ParamGroup(params: [fromOurs[2]])])
        try restoredOurs.loadStateDict(try cloned(saved))
        XCTAssertEqual(restoredOurs.description, optimizer.description)
        let restoredTorch = try Adam(groups: [ParamGroup(params: [fromTorch[0], fromTorch[1]]),
                                              ParamGroup(params: [fromTorch[2]])])
        try restoredTorch.loadStateDict(try stateDict(from: fixture["state_dict"]))
        XCTAssertEqual(restoredTorch.description, optimizer.description)
        for step in 3..<5 {
            for (set, opt) in [(params, optimizer as Optimizer), (fromOurs, restoredOurs), (fromTorch, restoredTorch)] {
                for (param, grad) in zip(set, grads[step]) { param.grad = grad }
                try opt.step()
            }
        }
        for set in [params, fromOurs, fromTorch] {
            for (param, wanted) in zip(set, fixture["after_five"].array) {
                try OptimFixture.assertTensor(param, wanted, rtol: 1e-6, atol: 1e-7)
            }
        }
        XCTAssertEqual(optimizer.description, fixture["repr"].string)
    }

    /// A state dict whose tensors are copies.
    private func cloned(_ dict: OptimizerStateDict) throws -> OptimizerStateDict {
        var copy = dict
        for index in copy.state.indices {
            var state = ParameterState()
            for (key, tensor) in copy.state[index].state.entries { state[key] = try tensor.clone() }
            copy.state[index].state = state
        }
        return copy
    }

    /// A state dict built from the fixture's JSON, as PyTorch saved it.
    private func stateDict(from value: FixtureValue) throws -> OptimizerStateDict {
        let state = try value["state"].array.map { entry in
            var parameterState = ParameterState()
            for item in entry["entries"].array {
                parameterState[item["key"].string] = try OptimFixture.tensor(item["tensor"])
            }
            return (index: entry["index"].int, state: parameterState)
        }
        let groups = value["param_groups"].array.map { group in
            group.array.map { item in
                (key: item["key"].string, value: OptimFixture.optionValue(item["value"], tuple: item["tuple"].bool))
            }
        }
        return OptimizerStateDict(state: state, paramGroups: groups)
    }

    func testPrintedOptimizersMatchPyTorch() throws {
        let reprs = try OptimFixture.load()["reprs"]
        let p = try Tensor.parameter(try Tensor.zeros([2]))
        let q = try Tensor.parameter(try Tensor.zeros([2]))
        XCTAssertEqual(try SGD([p]).description, reprs["sgd"].string)
        XCTAssertEqual(try SGD(groups: [ParamGroup(params: [p]),
                                        ParamGroup(params: [q], options: [("lr", 0.5), ("momentum", 0.9)])],
                               lr: 1).description, reprs["sgd_groups"].string)
        XCTAssertEqual(try Adam([p]).description, reprs["adam"].string)
        XCTAssertEqual(try Adam([p], lr: 0.1, betas: (0.5, 0.75), eps: 1e-10, weightDecay: 1e-4, amsgrad: true)
            .description, reprs["adam_options"].string)
        XCTAssertEqual(try AdamW([p]).description, reprs["adamw"].string)
        XCTAssertEqual(try AdamW(groups: [ParamGroup(params: [p], options: [("weight_decay", 0)]),
                                          ParamGroup(params: [q])]).description, reprs["adamw_groups"].string)
        XCTAssertEqual(try SGD(groups: [ParamGroup(params: [])], lr: 0.2).description, reprs["empty_group"].string)
    }

    func testErrorsMatchPyTorch() throws {
        let errors = try OptimFixture.load()["errors"]
        let p = try Tensor.parameter(try Tensor.zeros([3]))
        let nonLeaf = try p.mul(Tensor(.int(2)))
        let cases: [(String, () throws -> Any)] = [
            ("sgd_lr_int", { try SGD([p], lr: -1) }),
            ("sgd_lr_float", { try SGD([p], lr: -1.0) }),
            ("sgd_momentum", { try SGD([p], momentum: -0.5) }),
            ("sgd_weight_decay", { try SGD([p], weightDecay: -0.001) }),
            ("sgd_nesterov", { try SGD([p], nesterov: true) }),
            ("sgd_nesterov_dampening", { try SGD([p], momentum: 0.9, dampening: 0.1, nesterov: true) }),
            ("sgd_empty", { try SGD([]) }),
            ("sgd_empty_bad_lr", { try SGD([], lr: -1) }),
            ("duplicate", { try SGD(groups: [ParamGroup(params: [p]), ParamGroup(params: [p])]) }),
            ("non_leaf", { try SGD([nonLeaf]) }),
            ("adam_lr", { try Adam([p], lr: -0.1) }),
            ("adam_lr_nan", { try Adam([p], lr: .float(.nan)) }),
            ("adam_eps", { try Adam([p], eps: -1e-8) }),
            ("adam_beta0", { try Adam([p], betas: (1.5, 0.9)) }),
            ("adam_beta1", { try Adam([p], betas: (0.9, 1.0)) }),
            ("adam_beta_int", { try Adam([p], betas: (0, 0.9)) }),
            ("adam_weight_decay", { try Adam([p], weightDecay: -1) }),
            ("adamw_weight_decay", { try AdamW([p], weightDecay: -1) }),
            ("adamw_empty", { try AdamW([]) }),
            ("linear_start", { try LinearLR(try SGD([p]), startFactor: 0) }),
            ("linear_end", { try LinearLR(try SGD([p]), endFactor: 1.5) }),
            ("lambda_count", { try LambdaLR(try SGD([p]), lrLambdas: [{ _ in 1 }, { _ in 1 }]) }),
            ("resume_without_initial_lr", { try StepLR(try SGD([p]), stepSize: 3, lastEpoch: 4) }),
            ("cosine_zero_period", { try CosineAnnealingLR(try SGD([p]), tMax: 0).step() }),
            ("step_zero_size", { try StepLR(try SGD([p]), stepSize: 0).step() }),
            ("load_group_count", {
                try SGD([p]).loadStateDict(OptimizerStateDict(state: [], paramGroups: []))
            }),
            ("load_group_size", {
                try SGD([p]).loadStateDict(OptimizerStateDict(state: [], paramGroups: [
                    [("params", .list([0, 1])), ("lr", 0.1)],
                ]))
            }),
        ]
        XCTAssertEqual(Set(cases.map(\.0)), Set(errors.object.keys), "every fixture error is checked")
        for (name, body) in cases {
            let expected = errors[name]
            XCTAssertThrowsError(try body(), name) { error in
                guard let error = error as? OptimizerError else {
                    return XCTFail("\(name): unexpected error \(error)")
                }
                XCTAssertEqual(error.kind.rawValue, expected["type"].string, name)
                XCTAssertEqual(error.message, expected["message"].string, name)
            }
        }
    }

    func testParametersWithoutGradientsAreSkipped() throws {
        let fixture = try OptimFixture.load()["no_grad"]
        let a = try Tensor.parameter(try OptimFixture.tensor(fixture["start"].array[0]))
        let b = try Tensor.parameter(try OptimFixture.tensor(fixture["start"].array[1]))
        let optimizer = try Adam([a, b], lr: 0.1)
        a.grad = try OptimFixture.tensor(fixture["grad"])
        try optimizer.step()
        try OptimFixture.assertTensor(a, fixture["a"], rtol: 1e-6, atol: 0)
        try OptimFixture.assertTensor(b, fixture["b"], rtol: 0, atol: 0)
        XCTAssertEqual(optimizer.stateDict().state.map(\.index), fixture["state_indices"].ints)
        XCTAssertNil(optimizer.state(for: b))
    }

    func testZeroGrad() throws {
        let fixture = try OptimFixture.load()["zero_grad"]
        let p = try Tensor.parameter(try Tensor.ones([2]))
        let optimizer = try SGD([p])
        let grad = try Tensor.ones([2])
        p.grad = grad
        try optimizer.zeroGrad(setToNone: false)
        XCTAssertTrue(p.grad === grad, "zeroed in place")
        try OptimFixture.assertTensor(p.grad, fixture["kept"])
        try optimizer.zeroGrad()
        XCTAssertEqual(p.grad == nil, fixture["none_after"].bool)
    }

    func testGroupsTakeDefaultsAndLiveOptions() throws {
        let a = try Tensor.parameter(try Tensor.ones([2]))
        let b = try Tensor.parameter(try Tensor.ones([2]))
        let optimizer = try SGD([a], lr: 0.5, momentum: 0.9)
        try optimizer.addParamGroup(ParamGroup(params: [b], options: [("lr", 0.25)]))
        XCTAssertEqual(optimizer.paramGroups[1].keys, ["lr", "momentum", "dampening", "weight_decay", "nesterov",
                                                       "maximize", "foreach", "differentiable", "fused"])
        XCTAssertEqual(optimizer.paramGroups[1]["momentum"], 0.9)
        XCTAssertThrowsError(try optimizer.addParamGroup(ParamGroup(params: [a]))) {
            XCTAssertEqual(($0 as? OptimizerError)?.kind, .valueError)
        }
        // Setting a group's option (as a scheduler or a script does) changes the next step.
        optimizer.paramGroups[0]["lr"] = 0.1
        optimizer.paramGroups[0]["momentum"] = 0
        a.grad = try Tensor.ones([2])
        let loss = try optimizer.step { () throws -> Double in 3 }
        XCTAssertEqual(loss, 3)
        XCTAssertEqual(a.doubles, [0.9, 0.9].map { Double(Float($0)) })
        XCTAssertEqual(b.doubles, [1, 1], "no gradient, no update")
        XCTAssertGreaterThan(a.version, 0, "the step writes the parameter in place")
        XCTAssertNil(optimizer.state(for: a), "no momentum, no state")
    }

    func testIntegerParametersAndMismatchedGradientsAreRefused() throws {
        let integers = try Tensor([Int64(1), 2])
        integers.grad = try Tensor([Int64(1), 1])
        XCTAssertThrowsError(try SGD([integers], lr: 0.1).step()) {
            XCTAssertEqual(($0 as? OptimizerError)?.message,
                           "For integral input tensors, argument alpha must not be a floating point number.")
        }
        XCTAssertThrowsError(try Adam([integers]).step()) {
            XCTAssertEqual(($0 as? OptimizerError)?.message, "\"lerp_kernel_scalar\" not implemented for 'Long'")
            XCTAssertEqual(($0 as? OptimizerError)?.kind, .notImplementedError)
        }
        let p = try Tensor.parameter(try Tensor.zeros([2]))
        p.grad = try Tensor.zeros([3])
        XCTAssertThrowsError(try SGD([p]).step()) {
            XCTAssertEqual(($0 as? OptimizerError)?.message, "assigned grad has data of a different size")
        }
    }
}
