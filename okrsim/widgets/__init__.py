"""ipywidgets front-ends over the pure logic; every widget can be driven headless in tests."""

from okrsim.widgets.exercise import ExerciseWidget

__all__ = ["ExerciseWidget"]
