package dev.quorum.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.core.inventory.IgnoredVariable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review page says which etcd_* variables of the inventory Quorum does not use, as --plan prints them. */
class ReviewIgnoredVariablesTest {

    private static PlanSource source(List<IgnoredVariable> ignored) {
        TestPlans.FixedSource fixed = new TestPlans.FixedSource(new TestPlans.MemoryStep("a"));
        return new PlanSource() {
            @Override
            public PreparedPlan build(int part) {
                return new PreparedPlan(fixed.plan, List.of(), ignored);
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void theReviewListsTheIgnoredVariablesWithTheirValuesAndForgetsThemWhenDiscarded() {
        ReviewModel review = new ReviewModel(new SynchronousTaskExecutor());

        review.review(source(List.of(new IgnoredVariable("etcd_deployment_type", "host"),
                new IgnoredVariable("etcd_memory_limit", "512M"))));

        assertThat(review.phaseProperty().get()).isEqualTo(ReviewModel.Phase.READY);
        assertThat(review.ignoredProperty().get()).isEqualTo("""
                Not used by Quorum (kept in the inventory for Kubespray; they change nothing here):
                etcd_deployment_type = "host"
                etcd_memory_limit = "512M\"""");
        review.discard();
        assertThat(review.ignoredProperty().get()).isEmpty();
    }

    @Test
    void nothingIsShownWhenQuorumUsesEveryEtcdVariable() {
        ReviewModel review = new ReviewModel(new SynchronousTaskExecutor());

        review.review(source(List.of()));

        assertThat(review.ignoredProperty().get()).isEmpty();
    }
}
