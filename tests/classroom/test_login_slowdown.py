"""Password guessing is slowed down: each recent failure doubles the wait, up to a bound."""

from medialit.ui.teacher.auth import BASE_DELAY, MAX_DELAY, delay_for


def test_the_wait_doubles_with_each_recent_failure_and_is_bounded():
    waits = [delay_for(n) for n in range(0, 8)]
    assert waits[0] == 0  # a teacher who types the password right the first time never waits
    assert waits[1:4] == [BASE_DELAY, 2 * BASE_DELAY, 4 * BASE_DELAY]
    assert max(waits) == MAX_DELAY and waits[-1] == MAX_DELAY
    assert waits == sorted(waits)


def test_a_guesser_at_the_bound_tries_at_most_fifteen_passwords_a_minute():
    assert 60 / delay_for(100) <= 15
