package lab.backprop.request;

import java.util.List;

import org.apache.commons.math3.linear.RealMatrix;

import lab.backprop.engine.Network;
import lab.backprop.engine.Training;
import lab.backprop.system.problem.FieldError;

/**
 * Reads {@link HeldOutData} for a network already read: its inputs must have the
 * network's features, its labels the network's outputs.
 */
public final class HeldOutDataReader {

	private HeldOutDataReader() {
	}

	/**
	 * @param pointer where the data is in the body, such as {@code /test}
	 * @param network the request's network; {@code null} when it is not valid, and then
	 * only what does not depend on it is checked
	 * @return {@code null} when absent or when a problem was found (added to
	 * {@code errors}; a field left out is Bean Validation's to report)
	 */
	public static Training.Examples read(HeldOutData data, String pointer, Network network, List<FieldError> errors) {
		if (data == null || data.inputs() == null || data.label() == null) {
			return null;
		}
		int before = errors.size();
		RealMatrix inputs = NumberArrays.inputs(data.inputs(), pointer + "/inputs", errors);
		if (inputs == null || network == null) {
			NumberArrays.labelForm(data.label(), pointer + "/label", errors);
			return null;
		}
		int features = network.layer(0).inputs();
		if (inputs.getColumnDimension() != features) {
			errors.add(new FieldError(pointer + "/inputs",
					"has " + inputs.getColumnDimension() + " features per example but the network takes " + features));
			NumberArrays.labelForm(data.label(), pointer + "/label", errors);
			return null;
		}
		RealMatrix labels = NumberArrays.labels(data.label(), inputs.getRowDimension(), network.outputLayer().outputs(),
				pointer + "/label", errors);
		return errors.size() > before ? null : new Training.Examples(inputs, labels);
	}

}
