package lab.backprop.engine;

import java.util.List;

/** Dense layers, first to last; each layer's outputs are the next one's inputs. */
public record Network(List<Layer> layers) {

	public Network {
		layers = List.copyOf(layers);
		if (layers.isEmpty()) {
			throw new IllegalArgumentException("a network needs at least one layer");
		}
		for (int i = 1; i < layers.size(); i++) {
			if (layers.get(i).inputs() != layers.get(i - 1).outputs()) {
				throw new IllegalArgumentException("layer " + i + " takes " + layers.get(i).inputs()
						+ " inputs but layer " + (i - 1) + " gives " + layers.get(i - 1).outputs());
			}
		}
	}

	public Layer layer(int index) {
		return layers.get(index);
	}

	public int depth() {
		return layers.size();
	}

	public Layer outputLayer() {
		return layers.get(layers.size() - 1);
	}
}
