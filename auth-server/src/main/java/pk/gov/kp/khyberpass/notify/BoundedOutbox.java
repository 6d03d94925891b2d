package pk.gov.kp.khyberpass.notify;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What the development outboxes share: the last {@link #CAPACITY} items, newest first, so
 * a long-running development server does not grow. Thread-safe.
 *
 * @param <T> what is kept
 */
final class BoundedOutbox<T> {

	/** How many items are kept; older ones are dropped. */
	static final int CAPACITY = 100;

	private final Deque<T> items = new ArrayDeque<>();

	void add(T item) {
		synchronized (this.items) {
			if (this.items.size() == CAPACITY) {
				this.items.removeLast();
			}
			this.items.addFirst(item);
		}
	}

	/** The kept items, newest first. */
	List<T> items() {
		synchronized (this.items) {
			return List.copyOf(this.items);
		}
	}

}
