package lab.backprop.explain;

/** The quantities of a step, as the worked solution names them in its headings. */
enum Quantity {

	Z, OUTPUT, LOSS, DLDPREDICTION, DLDOUTPUT, DOUTPUTDZ, DLDZ, DLDW, DLDB, DLDINPUT, WEIGHTS, BIAS, PREDICTION,
	LOSS_NEW, LOSS_CHANGE, DATA_LOSS, PENALTY

}
