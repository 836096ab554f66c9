"""Drives the Python client that OpenAPI Generator makes from the running service's /v3/api-docs.

.ci/contract generates it (package backprop_lab_client) and runs
`PYTHONPATH=GENERATED python3 check.py BASE_URL` with the machine's python3 (pydantic 2,
urllib3 2). Typed models only: no hand edits to the generated code, no dicts in place of models.
"""
import sys

from backprop_lab_client import (ApiClient, CheckRequest, Configuration, ExamplesApi, ExercisesApi, Optimizer,
                                 Problem, TrainingApi, TrainRequest, TrainStepRequest)
from backprop_lab_client.exceptions import ApiException

# The seed's numbers as its numpy script prints them (/work/shared/seed/full_precision.json).
SEED_LOSS = 0.006382982152949224
SEED_PREDICTION = 0.6201064323430902
SEED_WEIGHTS_AFTER = [0.10188208828526413, -0.29924716468589435, 0.5030113412564226]
SEED_LOSS_AFTER = 0.006112683382190102


def check(condition, what):
    if not condition:
        raise SystemExit("FAILED: " + what)
    print("ok: " + what)


def close(actual, expected, relative=1e-12):
    return abs(actual - expected) <= relative * abs(expected)


def main(base):
    with ApiClient(Configuration(host=base)) as client:
        training = TrainingApi(client)
        examples = ExamplesApi(client)

        seed = TrainStepRequest(inputs=[[0.5, 0.2, 0.8]], weights=[[0.1], [-0.3], [0.5]], bias=[[0.1]],
                                label=[[0.7]], learning_rate=0.1)
        first = training.train_step(seed)
        check(close(first.forward.loss, SEED_LOSS), "the seed: forward.loss is numpy's")
        check(close(first.forward.prediction[0][0], SEED_PREDICTION), "the seed: forward.prediction is numpy's")
        check(all(close(row[0], w) for row, w in zip(first.update.layers[0].weights, SEED_WEIGHTS_AFTER)),
              "the seed: update.layers[0].weights are numpy's W_new")
        check(close(first.after.loss, SEED_LOSS_AFTER), "the seed: after.loss is numpy's loss_updated")

        # the second step, from the first step's answer as it is
        second = training.train_step(TrainStepRequest(
            inputs=seed.inputs, label=seed.label, learning_rate=seed.learning_rate,
            layers=first.update.layers, optimizer_state=first.optimizer_state))
        check(second.forward.loss == first.after.loss, "step 2: forward.loss equals step 1's after.loss")
        check(second.optimizer_state.step == 2, "step 2: optimizerState.step is 2")

        # Adam: its first step moves each parameter by η·g/(|g| + eps) (m̂ = g, v̂ = g²)
        adam = training.train_step(seed.model_copy(update={"optimizer": Optimizer(type="adam")}))
        gradient = adam.backward.layers[0].d_l_d_w
        expected = [row[0] - 0.1 * g[0] / (abs(g[0]) + 1e-8) for row, g in zip(seed.weights, gradient)]
        check(adam.update.optimizer.type == "adam", "adam: update.optimizer.type is adam")
        check(all(close(row[0], e) for row, e in zip(adam.update.layers[0].weights, expected)),
              "adam: the first step is θ − η·g/(|g| + eps)")
        adam2 = training.train_step(TrainStepRequest(
            inputs=seed.inputs, label=seed.label, learning_rate=seed.learning_rate,
            layers=adam.update.layers, optimizer=adam.update.optimizer, optimizer_state=adam.optimizer_state))
        check(adam2.forward.loss == adam.after.loss, "adam step 2: forward.loss equals step 1's after.loss")
        check(adam2.optimizer_state.step == 2 and len(adam2.optimizer_state.layers) == 1,
              "adam step 2: the state counts 2 steps and keeps one layer's buffers")

        # the summary and the explanations are the same model
        summary = training.train_step(seed, include="summary")
        check(summary.backward is None and summary.forward.loss == first.forward.loss,
              "include=summary: no backward, the same forward.loss")
        explained = training.train_step(seed, explain=True, accept_language="ru-RU,ru;q=0.9")
        check(explained.explanations.language == "ru" and explained.explanations.forward.loss.formula,
              "explain=true with Accept-Language ru-RU,ru;q=0.9: explanations in Russian")

        # the examples, and the gradient check of one
        check(any(example.name == "xor" for example in examples.list_examples()), "listExamples names xor")
        gradients = training.gradient_check(examples.get_example("two-layer").request)
        check(gradients.passed and len(gradients.layers) == 2, "gradientCheck of two-layer: passed, two layers")

        # XOR from /examples/xor, trained by /train
        xor = examples.get_example("xor")
        run = TrainRequest.from_dict({**xor.request.to_dict(), "steps": xor.suggested_steps or 1000})
        trained = training.train(run)
        print(f"xor: {trained.steps_run} steps, loss {trained.history[0].loss} -> {trained.loss}")
        check(trained.loss < 0.01, "xor: /train brings the loss below 0.01")

        # the learner's tools: the seed's dL/dW to the digits a learner writes, and an update made the wrong way
        exercises = ExercisesApi(client)
        wrong_way = [[2 * row[0] - w] for row, w in zip(seed.weights, SEED_WEIGHTS_AFTER)]
        verdicts = exercises.check_answers(CheckRequest.from_dict({**seed.to_dict(), "answers": {
            "/backward/layers/0/dL_dW": [[-0.0188], [-0.0075], [-0.0301]],
            "/update/layers/0/weights": wrong_way}}), accept_language="ru")
        by_pointer = {verdict.pointer: verdict for verdict in verdicts.answers}
        check(not verdicts.correct and by_pointer["/backward/layers/0/dL_dW"].correct,
              "checkAnswers: dL/dW written with 3 significant digits passes")
        slip = by_pointer["/update/layers/0/weights"].mistake
        check(slip is not None and slip.code == "wrong_update_direction"
              and any("а" <= c <= "я" for c in slip.explanation.lower()),
              "checkAnswers: θ + η·g is named wrong_update_direction, explained in Russian")

        # an exercise answered with the service's own step passes
        exercise = exercises.random_exercise(level=2, seed=7)
        step = training.train_step(exercise.request).to_dict()

        def at(pointer):
            value = step
            for key in pointer.strip("/").split("/"):
                value = value[int(key)] if isinstance(value, list) else value[key]
            return value

        answered = exercises.check_answers(CheckRequest.from_dict(
            {**exercise.request.to_dict(), "answers": {pointer: at(pointer) for pointer in exercise.ask}}))
        check(exercise.level == 2 and exercise.seed == 7 and exercise.ask and answered.correct,
              f"randomExercise level 2, seed 7: its {len(exercise.ask)} values from trainStep pass checkAnswers")

        # an error is a Problem with a JSON Pointer
        try:
            training.train_step(seed.model_copy(update={"learning_rate": -1.0}))
            check(False, "a negative learning rate is refused")
        except ApiException as e:
            problem = Problem.from_json(e.body)
            check(problem.status == 400 and any(error.pointer == "/learningRate" for error in problem.errors or []),
                  "a negative learning rate: a 400 problem pointing at /learningRate")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080")
