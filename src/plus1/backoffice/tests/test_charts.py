from plus1.backoffice.charts import bar_chart


def test_bars_are_scaled_to_the_largest_value_and_keep_their_full_label():
    chart = bar_chart(
        [("Anna de Vries", 4), ("Een heel lange naam van een medewerker", 2)],
        title="Open",
        value_heading="Aantal",
    )

    first, second = chart.bars
    assert first.width == 360 and second.width == 180
    assert second.label == "Een heel lange naam van een medewerker"
    assert second.short_label.endswith("…") and len(second.short_label) == 28
    assert chart.id == "chart-open"


def test_columns_grow_upwards_from_one_base_line():
    chart = bar_chart(
        [("week 1", 0), ("week 2", 3)], title="Trend", value_heading="Te laat", orientation="vertical"
    )

    empty, full = chart.bars
    assert empty.height == 0 and empty.y == full.y + full.height
    assert full.display == "3"


def test_an_empty_series_draws_nothing():
    assert bar_chart([], title="Leeg", value_heading="Aantal").is_empty
