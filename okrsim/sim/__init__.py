"""Monte Carlo feasibility engine: distributions, model, results, sensitivity and goal seek."""
